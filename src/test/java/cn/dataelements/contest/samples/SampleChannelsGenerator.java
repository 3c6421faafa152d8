package cn.dataelements.contest.samples;

import cn.dataelements.contest.samples.SampleDocuments.Form;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the samples of the two structured channels: {@code samples/portal} (the registrations the local portal
 * stand-in lists, with their forms) and {@code samples/export} (a 山东通 export package: registration sheet and
 * attachments). Made up like the mail samples; run as the README of samples/ says.
 */
public final class SampleChannelsGenerator {

    private static final List<String> EXPORT_HEADERS =
            List.of("报名编号", "作品名称", "参赛赛道", "参赛方向", "申报单位", "统一社会信用代码", "联系人", "联系电话", "电子邮箱", "团队成员", "提交时间", "附件");

    private SampleChannelsGenerator() {}

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        portal(samples.resolve("portal"));
        export(samples.resolve("export"));
    }

    private static void portal(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("registrations"));
        Files.createDirectories(dir.resolve("files"));
        registration(
                dir,
                "WH2024-0101",
                "轮胎工厂质量数据分析平台",
                "工业制造",
                "威海某某橡胶科技有限公司",
                "91371002MA3P8K2L4X",
                "刘欣怡",
                "15966552667",
                "2024-08-20 09:30:00",
                "以轮胎生产线的工艺参数与质检图像数据，建立缺陷溯源与工艺优化模型。");
        registration(
                dir,
                "WH2024-0102",
                "刘公岛游客流量预测平台",
                "文化旅游",
                "威海某某文旅集团有限公司",
                "91371000MA3R5T7Y2U",
                "孙丽",
                "13863101234",
                "2024-08-21 14:05:00",
                "汇聚景区票务、交通与气象数据，预测客流并调度接驳与讲解资源。");
        registration(
                dir,
                "WH2024-0103",
                "基层医疗影像协同诊断平台",
                "医疗健康",
                "威海某某医疗信息技术有限公司",
                "91371002MA3T2W9Q6H",
                "张浩然",
                "13769284383",
                "2024-08-22 16:45:00",
                "以区域影像数据与诊断报告，为基层医院提供远程阅片与辅助诊断。");
        registration(
                dir,
                "WH2024-0104",
                "海参养殖水质监测平台",
                "现代农业",
                "威海某某海洋牧业有限公司",
                "91371082MA3U4E8R1N",
                "王喆",
                "06315200000",
                "2024-08-23 10:10:00",
                "以浮标传感器与气象数据预警低氧，本赛道应通过邮箱报送（示例：渠道不符）。");
    }

    private static void registration(
            Path dir,
            String id,
            String title,
            String track,
            String unit,
            String code,
            String contact,
            String phone,
            String submitted,
            String overview)
            throws Exception {
        String file = title + "-作品申报书.docx";
        Files.write(
                dir.resolve("files").resolve(file),
                SampleDocuments.applicationForm(form(title, track, unit, code, contact + " " + phone, overview)));
        String json = """
                {"regId":"%s","workName":"%s","trackName":"%s","topicName":"","submitTime":"%s","updateTime":"%s",\
                "viewCount":0,"leadUnit":{"name":"%s","creditCode":"%s"},"jointUnits":[],\
                "contact":{"name":"%s","phone":"%s","email":""},\
                "members":[{"name":"%s","duty":"项目负责人","phone":"%s","email":""}],\
                "attachments":[{"fileName":"%s","downloadUrl":"/files/%s?sig={sig}","size":0}]}
                """.formatted(
                        id,
                        title,
                        track,
                        submitted,
                        submitted,
                        unit,
                        code,
                        contact,
                        phone,
                        contact,
                        phone,
                        file,
                        java.net.URLEncoder.encode(file, java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        Files.writeString(dir.resolve("registrations").resolve(id + ".json"), json);
    }

    private static void export(Path dir) throws Exception {
        Path pack = Files.createDirectories(dir.resolve("山东通导出-数字机关-示例"));
        Files.createDirectories(pack.resolve("附件"));
        List<List<String>> rows = List.of(
                exportRow(
                        "ST-0001",
                        "政务数据共享交换平台",
                        "威海市某某局",
                        "11371000MB1234567X",
                        "赵明",
                        "13906310001",
                        "附件/政务数据共享交换平台-方案介绍.docx"),
                exportRow(
                        "ST-0002",
                        "公文智能校对助手",
                        "威海市某某中心",
                        "12371000MB7654321Y",
                        "钱敏",
                        "13906310002",
                        "附件/公文智能校对助手-方案介绍.docx"));
        Files.write(
                pack.resolve("附件/政务数据共享交换平台-方案介绍.docx"),
                SampleDocuments.applicationForm(form(
                        "政务数据共享交换平台",
                        "数字机关",
                        "威海市某某局",
                        "11371000MB1234567X",
                        "赵明 13906310001",
                        "打通各部门业务数据目录，按需共享，减少群众重复提交材料。")));
        Files.write(
                pack.resolve("附件/公文智能校对助手-方案介绍.docx"),
                SampleDocuments.applicationForm(form(
                        "公文智能校对助手",
                        "数字机关",
                        "威海市某某中心",
                        "12371000MB7654321Y",
                        "钱敏 13906310002",
                        "以公文规范与历史文稿训练校对模型，提示错别字、格式与引文问题。")));
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("报名信息");
            Row header = sheet.createRow(0);
            for (int c = 0; c < EXPORT_HEADERS.size(); c++) {
                header.createCell(c).setCellValue(EXPORT_HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.getProperties().getCoreProperties().setCreated("2024-08-25T02:00:00Z");
            workbook.write(out);
            Files.write(pack.resolve("登记表.xlsx"), out.toByteArray());
        }
        Files.writeString(pack.resolve(".done"), "");
    }

    private static List<String> exportRow(
            String id, String title, String unit, String code, String contact, String phone, String file) {
        return List.of(id, title, "数字机关", "数据赋能", unit, code, contact, phone, "", contact, "2024-08-25 10:00:00", file);
    }

    private static Form form(String title, String track, String unit, String code, String contact, String overview) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("作品名称", title);
        header.put("赛道", track);
        header.put("牵头单位", unit);
        header.put("统一社会信用代码", code);
        header.put("联系人", contact);
        return new Form(
                title,
                header,
                List.of(
                        overview,
                        "系统由数据汇聚、治理、模型与应用四层组成，数据经脱敏后使用，权限按角色划分。",
                        "已在威海试点应用，效率提升约三成，减少重复工作。",
                        "面向同类单位推广，按年提供服务与运维。",
                        "团队八人，来自数据工程、业务与产品领域，牵头单位为" + unit + "。"));
    }
}
