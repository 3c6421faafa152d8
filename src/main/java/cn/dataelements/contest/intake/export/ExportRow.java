package cn.dataelements.contest.intake.export;

/** One row of an export package, as an exchange's body, with the channel its registrations came by. */
record ExportRow(ExportPackage exportPackage, ExportPackage.Row row, String channel) {}
