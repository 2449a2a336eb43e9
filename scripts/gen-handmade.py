#!/usr/bin/env python3
"""Writes tests/import-corpus/: bulletins typed by hand in Word or WPS, and their PDFs' text.

    python3 scripts/gen-handmade.py [WEEKLY]     (WEEKLY: the binary, default target/release/weekly)

Needs python-docx (`pip install python-docx`) and, for the PDFs' text, LibreOffice and
pdftotext (scripts/libreoffice.sh, poppler-utils). The output is checked in; the tests read
it and need none of these.

Each case is a real issue as it was printed (`truth.md`, built by weekly from tests/golden and
examples/archive) typed again the way clerks type it: numbering typed as text in every style
(一、 一． （一） (一) 1. 1、 1． （1） ①), indents typed with 　　 or spaces or set as a first-line
indent, department names bold by the run or by a character style, with stray spaces inside or
beside the bold, counters in a table (with or without a header row, a merged title cell) or
typed as a sentence without spaces, a share typed to one decimal, headers and footers with page
numbers, soft line breaks, page breaks, fields, tracked changes left in, comments, text boxes
and fonts of every kind. Which of these a case has is chosen by its number, so that each style
appears in several cases and beside different others; `case.txt` names them. Some cases are
printed to PDF by LibreOffice and their text taken out by pdftotext, with and without
`-layout` (running headers, page numbers, paragraphs split across pages in every section).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

OUT = "tests/import-corpus"
WEEKLY = sys.argv[1] if len(sys.argv) > 1 else "target/release/weekly"
# The issues typed again: three rich ones, and thinner ones of the archive.
SOURCES = (
    ["tests/golden/2023-38.md", "tests/golden/2023-39.md", "tests/golden/2023-40.md"]
    + [f"examples/archive/2023-{n}.yaml" for n in range(30, 38)]
)
CASES = 44
# Cases also printed to PDF, their text taken out both ways: every third, and every one of
# the three rich issues (directives, departments, visits), whose sections the pages then
# break in.
PDF_CASES = [case for case in range(CASES) if case % 3 == 0 or case % len(SOURCES) < 3]

CN = "〇一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(n):
    """1 → 一, 12 → 十二, 20 → 二十."""
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


def cn_date(y, m, d):
    """二〇二三年十月二十日, as a date is typed in Chinese numerals."""
    return "".join(CN[int(c)] for c in str(y)) + "年" + cn_number(m) + "月" + cn_number(d) + "日"


def truth_of(source):
    if source.endswith(".md"):
        return open(source, encoding="utf-8").read()
    return subprocess.run([WEEKLY, "build", source], check=True, capture_output=True, text=True).stdout


def runs_of(md):
    """`本周，**水利厅**召开` → [(本周，, False), (水利厅, True), (召开, False)], escapes undone."""
    out, bold, text, i = [], False, "", 0
    while i < len(md):
        c = md[i]
        if c == "\\" and i + 1 < len(md) and not md[i + 1].isalnum():
            text += md[i + 1]
            i += 2
            continue
        if md.startswith("**", i):
            if text:
                out.append((text, bold))
            text, bold = "", not bold
            i += 2
            continue
        text += c
        i += 1
    if text:
        out.append((text, bold))
    return out


SECTION = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
SUBSECTION = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
ITEM = re.compile(r"^(\d+)\.(.*)$")


def parse(md):
    """The printed paragraphs as (kind, number, runs): kind is masthead, section, subsection,
    item (number None when not numbered), or closing."""
    paras = [p for p in md.split("\n\n") if p.strip()]
    out, seen_section = [], False
    for p in paras:
        p = p.strip()
        if m := SECTION.match(p):
            seen_section = True
            out.append(("section", m.group(1), [(m.group(2), False)]))
        elif not seen_section:
            out.append(("masthead", None, runs_of(p)))
        elif m := SUBSECTION.match(p):
            out.append(("subsection", m.group(1), [(m.group(2), False)]))
        elif p.startswith(("送：", "发：", "（共印")):
            out.append(("closing", None, runs_of(p)))
        elif (m := ITEM.match(p)) and (int(m.group(1)) == 1 or (out and out[-1][0] == "item" and out[-1][1] is not None)):
            out.append(("item", int(m.group(1)), runs_of(m.group(2))))
        else:
            out.append(("item", None, runs_of(p)))
    return out


def style_of(case):
    """The typing habits of case `case`: each is a choice among a few, by a different modulus,
    so that they combine differently from case to case."""
    pick = lambda options, k: options[(case * k + case // len(options)) % len(options)]
    return {
        "section": pick(["一、", "一．", "一.", "一、"], 1),
        "subsection": pick(["（一）", "(一)", "（一）"], 2),
        "item": pick(["1.", "1、", "1．", "（1）", "(1)", "①", "1."], 3),
        "indent": pick(["　　", "", "    ", "first-line", "  ", "　　"], 5),
        "bold": pick(["run", "style", "space-inside", "space-beside", "split", "run"], 7),
        "counters": pick(["sentence", "table-header", "table", "table-merged", "prose"], 3),
        "share": pick(["as-printed", "one-decimal"], 1),
        "masthead": pick(["as-printed", "one-line-date", "chinese-date", "internal", "no-total", "title-first", "text-box"], 1),
        "extras": [e for k, e in enumerate(["header-footer", "soft-breaks", "page-breaks", "field", "tracked", "comment"]) if (case >> k) % 2 == (k % 2)],
        "font": pick(["仿宋_GB2312", "仿宋", "FangSong", "宋体", "楷体_GB2312", "方正仿宋_GBK"], 1),
        # The size of the text: larger, the pages break in other places, in every section.
        "size": pick([16, 22, 18, 26, 15, 20, 24], 2),
        "page": pick([297, 150, 210, 120, 180, 135], 1),
    }


def set_font(run, name):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def add_run(p, text, st, bold=False, font=None):
    r = p.add_run(text)
    set_font(r, font or st["font"])
    r.font.size = Pt(st["size"])
    if bold:
        if st["bold"] == "style":
            r.style = "Dept"
        else:
            r.bold = True
    return r


def field(p, st, instr, result):
    """A field as Word writes one: its instruction, then its last result as text."""
    def char(kind):
        r = p.add_run()
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), kind)
        r._element.append(f)
    char("begin")
    r = p.add_run()
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = instr
    r._element.append(t)
    char("separate")
    add_run(p, result, st)
    char("end")


def tracked(p, st, kept, deleted):
    """Text inserted with changes tracked, and text deleted: the document reads as `kept`."""
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "901")
    ins.set(qn("w:author"), "科员")
    ins.set(qn("w:date"), "2023-10-19T09:00:00Z")
    r = add_run(p, kept, st)
    ins.append(r._element)
    p._p.append(ins)
    d = OxmlElement("w:del")
    d.set(qn("w:id"), "902")
    d.set(qn("w:author"), "科长")
    d.set(qn("w:date"), "2023-10-19T10:00:00Z")
    r = add_run(p, "", st)
    t = OxmlElement("w:delText")
    t.text = deleted
    r._element.append(t)
    d.append(r._element)
    p._p.append(d)


def text_box(p, st, text):
    """A floating text box anchored in `p`, holding `text`, as a masthead's title is set."""
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" "
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5400000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="刊名"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="900000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        "<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr>"
        '<w:rFonts w:eastAsia="方正小标宋简体"/><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    from docx.oxml import parse_xml
    p._p.append(parse_xml(xml))


def indent(p, st):
    if st["indent"] == "first-line":
        p.paragraph_format.first_line_indent = Pt(32)
        return ""
    return st["indent"]


def numbered(kind, n, st):
    """The number typed before a heading or item, in the case's style."""
    if kind == "section":
        return st["section"].replace("一", n)
    if kind == "subsection":
        return st["subsection"].replace("一", n)
    style = st["item"]
    if style == "①":
        return CIRCLED[n - 1]
    return style.replace("1", str(n))


def masthead(doc, st, lines):
    issue, title, period, publisher, date = [runs[0][0] for _, _, runs in lines]
    m = re.match(r"(\d+) 年 (\d+) 月 (\d+) 日", date)
    style = st["masthead"]
    if style == "chinese-date":
        date = cn_date(*(int(g) for g in m.groups()))
    if style == "no-total":
        issue = re.sub(r"（总第 \d+ 期）", "", issue)
    if style != "as-printed":
        # Typed by hand: no spaces beside the figures.
        issue, period, date = (re.sub(r" ?(\d+) ?", r"\1", s) for s in (issue, period, date))

    def line(text, size=16, font=None, align=WD_ALIGN_PARAGRAPH.CENTER, bold=False):
        p = doc.add_paragraph()
        p.alignment = align
        r = add_run(p, text, st, font=font)
        r.font.size = Pt(size)
        r.bold = bold
        return p

    if style == "internal":
        line("内部资料　注意保存", 12, "黑体", WD_ALIGN_PARAGRAPH.LEFT)
    if style == "title-first":
        line(title, 36, "方正小标宋简体", bold=True)
        line(issue)
    elif style == "text-box":
        p = line(issue)
        text_box(p, st, title)
    else:
        line(issue)
        line(title, 36, "方正小标宋简体")
    line(period, 16, "楷体_GB2312")
    if style == "one-line-date":
        p = doc.add_paragraph()
        add_run(p, publisher + "\t" + date, st)
    else:
        line(publisher)
        line(date)


def counters_table(doc, st, runs):
    """The counters' sentence typed as a table: name, this week, this year."""
    sentence = "".join(t for t, _ in runs)
    week, year = sentence.removesuffix("。").split("；")
    pairs = re.findall(r"(\S+?) (\d+) (\S+?)(?:、|$)", week.removeprefix("本周，共计"))
    totals = re.findall(r"(\S+?) (\d+) (\S+?)(?:、|$)", year.removeprefix("今年以来，累计"))
    header = st["counters"] != "table"
    merged = st["counters"] == "table-merged"
    rows = len(pairs) + (1 if header else 0) + (1 if merged else 0)
    t = doc.add_table(rows=rows, cols=3)
    t.style = "Table Grid"
    r = 0
    if merged:
        a, b = t.cell(0, 0), t.cell(0, 2)
        a.merge(b)
        a.text = "省本级综窗办件统计"
        r += 1
    if header:
        for k, h in enumerate(["事项", "本周", "今年以来累计"]):
            t.cell(r, k).text = h
        r += 1
    for (name, n, unit), (_, total, _) in zip(pairs, totals):
        t.cell(r, 0).text = name
        t.cell(r, 1).text = f"{n}{unit}"
        t.cell(r, 2).text = f"{total}{unit}"
        r += 1


def typed(runs):
    """The spaces weekly prints beside the figures of its own sentences (the counters, the
    progress, a directive's date), as a clerk types them: none. Text typed by the clerk of
    the day keeps its spaces."""
    text = "".join(t for t, _ in runs)
    unspaced = lambda t: re.sub(r"(?<=[^\x00-\x7f]) (?=\d)|(?<=\d) (?=[^\x00-\x7f])", "", t)
    if text.startswith("本周，共计") or "截至目前，共完成" in text:
        return [(unspaced(t), b) for t, b in runs]
    if m := re.match(r"^(\d+ 月 \d+ 日，)", text):
        return [(unspaced(m.group(1)) + text[len(m.group(1)):], False)]
    return runs


def bold_runs(p, st, runs):
    for k, (text, bold) in enumerate(runs):
        if bold and st["bold"] == "space-inside":
            add_run(p, text + " ", st, bold=True)
        elif bold and st["bold"] == "space-beside":
            add_run(p, " ", st)
            add_run(p, text, st, bold=True)
        elif bold and st["bold"] == "split":
            half = len(text) // 2
            add_run(p, text[:half], st, bold=True)
            add_run(p, text[half:], st, bold=True)
        else:
            add_run(p, text, st, bold=bold)


def write_case(case, source, st, path):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(st["size"])
    dept = doc.styles.add_style("Dept", WD_STYLE_TYPE.CHARACTER)
    dept.font.bold = True
    doc.sections[0].left_margin = doc.sections[0].right_margin = Pt(75)
    # Pages shorter than A4 in some cases, so that their PDFs break pages inside the
    # paragraphs of every section, as a long issue's do.
    doc.sections[0].page_height = Mm(st["page"])
    if "header-footer" in st["extras"]:
        hp = doc.sections[0].header.paragraphs[0]
        hp.text = "窗口工作周报"
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp = doc.sections[0].footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(fp, "— ", st)
        field(fp, st, " PAGE ", "1")
        add_run(fp, " —", st)
    paras = parse(truth_of(source))
    head = [p for p in paras if p[0] == "masthead"]
    masthead(doc, st, head)
    commented = False
    for n, (kind, number, runs) in enumerate(paras[len(head):]):
        if kind in ("section", "subsection"):
            if kind == "section" and number != "一" and "page-breaks" in st["extras"]:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            p = doc.add_paragraph()
            add_run(p, numbered(kind, number, st) + runs[0][0], st, font="黑体" if kind == "section" else "楷体_GB2312")
            continue
        text = "".join(t for t, _ in runs)
        if kind == "item" and text.startswith("本周，共计") and "今年以来，累计" in text:
            if st["counters"].startswith("table"):
                counters_table(doc, st, runs)
                continue
            if st["counters"] == "prose":
                # The same figures in the clerk's own words: commas, two sentences.
                week, year = text.removesuffix("。").split("；")
                week = week.replace("本周，共计", "本周").replace("、", "，")
                year = year.replace("今年以来，累计", "今年以来累计").replace("、", "，")
                runs = [(f"{week}。{year}。", False)]
        if st["share"] == "one-decimal":
            # Rounded to one decimal, as a clerk types a share worked out on a calculator.
            one = lambda m: f"占比 {float(m.group(1)) + 1e-9:.1f}%"
            runs = [(re.sub(r"占比 (\d+\.\d\d)%", one, t), b) for t, b in runs]
        if kind != "closing":
            runs = typed(runs)
        p = doc.add_paragraph()
        lead = indent(p, st) if kind != "closing" else ""
        if kind == "item" and number is not None:
            lead += numbered("item", number, st)
        if lead:
            add_run(p, lead, st)
        if "tracked" in st["extras"] and kind == "item" and n % 5 == 2 and not any(b for _, b in runs) and len(text) > 12:
            # The last words typed with changes tracked, a first wording deleted.
            body = "".join(t for t, _ in runs)
            add_run(p, body[:-6], st)
            tracked(p, st, body[-6:], "（删去的初稿文字）")
            continue
        if "field" in st["extras"] and kind == "closing" and text.startswith("（共印"):
            copies = re.match(r"（共印(\d+)份）", text).group(1)
            add_run(p, "（共印", st)
            field(p, st, " = 90 + 1 ", copies)
            add_run(p, "份）", st)
            continue
        if "soft-breaks" in st["extras"] and kind == "item" and len(text) > 60 and not any(b for _, b in runs):
            # A line broken by hand (Shift+Enter) inside a long paragraph.
            body = "".join(t for t, _ in runs)
            add_run(p, body[:30], st).add_break()
            add_run(p, body[30:], st)
            continue
        bold_runs(p, st, runs)
        if "comment" in st["extras"] and not commented and any(b for _, b in runs):
            doc.add_comment(p.runs[-1], text="请核对部门名称", author="审核人", initials="审")
            commented = True
    doc.core_properties.author = "综合处"
    doc.save(path)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for case in range(CASES):
        source = SOURCES[case % len(SOURCES)]
        st = style_of(case)
        issue = os.path.basename(source).rsplit(".", 1)[0]
        name = f"{case:02d}-{issue}-word"
        folder = os.path.join(OUT, name)
        os.makedirs(folder)
        docx = os.path.join(folder, "bulletin.docx")
        write_case(case, source, st, docx)
        # A PDF is printed from the document as finished: its changes accepted.
        printed_docx = os.path.join(tempfile.gettempdir(), f"handmade-{case}.docx")
        write_case(case, source, {**st, "extras": [e for e in st["extras"] if e != "tracked"]}, printed_docx)
        open(os.path.join(folder, "truth.md"), "w", encoding="utf-8").write(truth_of(source))
        described = "\n".join(f"{k}: {v}" for k, v in st.items())
        open(os.path.join(folder, "case.txt"), "w", encoding="utf-8").write(f"source: {source}\n{described}\n")
        if case in PDF_CASES:
            for layout in (False, True):
                pdf_folder = os.path.join(OUT, f"{case:02d}-{issue}-pdf{'-layout' if layout else ''}")
                os.makedirs(pdf_folder)
                with tempfile.TemporaryDirectory() as home:
                    subprocess.run(
                        ["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", home, printed_docx],
                        check=True, capture_output=True, env={**os.environ, "HOME": home},
                    )
                    pdf = os.path.join(home, f"handmade-{case}.pdf")
                    args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, os.path.join(pdf_folder, "bulletin.txt")]
                    subprocess.run(args, check=True)
                shutil.copy(os.path.join(folder, "truth.md"), pdf_folder)
                open(os.path.join(pdf_folder, "case.txt"), "w", encoding="utf-8").write(
                    f"source: {source}\nprinted: LibreOffice to PDF, pdftotext{' -layout' if layout else ''}\n{described}\n")


if __name__ == "__main__":
    main()
