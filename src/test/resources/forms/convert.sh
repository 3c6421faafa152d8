#!/usr/bin/env bash
# Makes the PDF and Word 97 (.doc) copies of some generated .docx forms with LibreOffice headless.
# The lists must match FormCorpusGenerator.AS_PDF and AS_DOC (their expected JSON is written by the generator).
# Needs: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk   (pdftotext from poppler-utils to check)
set -euo pipefail
cd "$(dirname "$0")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
as_pdf=(01-headings-chinese-numerals 04-paren-chinese-numerals 07-word-auto-numbering
  09-sections-as-two-column-table 16-template-instructions-left-in 17-toc-at-top-trap
  40-track14-fangan-jieshao 41-track14-fangan-jieshao-paren)
as_doc=(02-plain-paragraphs-arabic-dot 05-circled-numbers 11-missing-business-section)
lo=(soffice "-env:UserInstallation=file://$profile" --headless)
for f in "${as_pdf[@]}"; do "${lo[@]}" --convert-to pdf --outdir . "$f.docx"; done
for f in "${as_doc[@]}"; do "${lo[@]}" --convert-to 'doc:MS Word 97' --outdir . "$f.docx"; done
# Every PDF must carry extractable Chinese text (the work title is on its first page).
if command -v pdftotext >/dev/null; then
  for f in "${as_pdf[@]}"; do
    pdftotext -enc UTF-8 "$f.pdf" - | grep -qF '作品' || { echo "no Chinese text in $f.pdf" >&2; exit 1; }
  done
fi
