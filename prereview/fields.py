"""Fields a document shows (GUIDE_FORMAT.md ``recognize.fields``), read from its rows.

Works on normalised rows (Simplified, half-width), so Traditional documents and
full-width digits give the same fields. Pure functions: no I/O, no OCR.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from prereview._text import ADDRESS_LABEL, SIGN_PLACE, normalize
from prereview.dates import FoundDate, Validity, find_dates, find_validity, fix_digits
from prereview.ids import Code, find_codes

# Labels naming the holder of a document, most specific first (GUIDE_FORMAT.md names_match).
HOLDER_LABELS = (
    "申请人", "承租方", "承租人", "买受人", "委托人", "委托方", "授权人", "经营者", "权利人", "缴存人",
    "参保人", "被鉴定人", "持证人", "户名", "职工姓名", "姓名", "企业名称", "公司名称", "单位名称", "名称",
)  # fmt: skip
# Words that end a name: the next label, or a heading that merely starts with a holder label
# (申请人声明, 申请人信息 are headings, not the applicant's name).
_STOP = (
    "性别|民族|出生|住址|地址|住所|公民|身份|电话|手机|联系|签名|签字|签章|盖章|日期|年龄|籍贯|职务|"
    "证件|号码|代码|法定|类型|注册|成立|营业|期限|金额|租金|面积|用途|甲方|乙方|单位|编号|性质|婚姻|"
    "声明|承诺|须知|信息|情况|基本|账号|卡号|开户|同志"
)
_STOP_RE = re.compile(_STOP)
_LEAD = r"(?:^|(?<=[\s,;:。(]))"
_PAREN = r"(?:\s*\([^)]{0,10}\))?"
_VALUE = r"\s*:?\s*(?P<value>[\u4e00-\u9fff·()A-Za-z0-9]+)"
# Labels that are also the tail of other labels (联系人姓名, 被申请人) must start a phrase.
_LOOSE_LABELS = (
    "承租方",
    "承租人",
    "买受人",
    "权利人",
    "缴存人",
    "参保人",
    "持证人",
    "企业名称",
    "公司名称",
    "单位名称",
)


@cache
def holder_regex(labels: tuple[str, ...]) -> re.Pattern:
    """``label[（…）]：value`` for ``labels``; short labels must start a phrase."""
    strict = [label for label in labels if label not in _LOOSE_LABELS]
    loose = [label for label in labels if label in _LOOSE_LABELS]
    alternatives = []
    if strict:
        alternatives.append(
            r"(?:^|(?<=[\s,;:。(]))(?:[甲乙丙]方\s*\(\s*)?(?P<label>" + "|".join(strict) + ")"
        )
    if loose:
        alternatives.append(r"(?P<loose>" + "|".join(loose) + ")")
    return re.compile(
        "(?:" + "|".join(alternatives) + r")(?:姓名|名称)?(?:\s*\))?" + _PAREN + _VALUE
    )


# 兹证明 X 同志 / 兹有我单位 X 同志（身份证号…）/ 兹证明 Y公司业务人员 X 参加…: certificates
# name the person in running text, after the unit and the person's role in it, if given.
_CERTIFY_RE = re.compile(
    r"兹(?:证明|有)\s*(?:我(?:单位|校|院|司|公司)|(?:(?!系|是|同志|为|在|于|自)[\u4e00-\u9fff()]){2,30}?"
    r"(?:公司|合作社|单位|学校|学院|大学|医院|中心|协会|药房|门店))?\s*"
    r"(?:的)?(?:职工|员工|业务人员|工作人员|从业人员|在校学生|学生|人员)?\s*"
    r"(?P<value>[\u4e00-\u9fff·]{2,5}?)\s*"
    r"(?:同志|同学|先生|女士|[,(:]|身份|系|自|于|在|为|参加|已|是|经)"
)
# 王芳（公民身份号码：…）参加…: a person named in running text by the ID number beside the name.
_NAMED_BY_ID_RE = re.compile(
    r"(?:^|(?<=[\s,;:。]))(?P<value>[\u4e00-\u9fff·]{2,5})\s*\(\s*"
    r"(?:公民身份号码|身份证号码?|身份证件号码?|证件号码)"
)
# 示范市禾丰商贸有限公司（统一社会信用代码：…）: an organisation named in running text by its code.
_ORG_BY_CODE_RE = re.compile(
    r"(?P<value>[\u4e00-\u9fff()]{4,60}?)\s*\(\s*(?:统一社会信用代码|注册号|信用代码)"
)
# Words of the sentence before an organisation's name (现向登记机关申请 X…): the name follows them.
_BEFORE_NAME = re.compile(r".*(?:申请|办理|关于|兹有|兹证明|现将|现对|现由|本单位|我单位|我公司)")
# 本人张三（身份证号…）作为…, 本人张三郑重承诺, 本人张三及家庭成员同意…: a person names themself
# in a letter's first sentence.
_SELF_RE = re.compile(
    r"本人\s*(?P<value>[\u4e00-\u9fff·]{2,5}?)\s*(?:\(|,|作为|系|是|郑重|承诺|声明|自愿|保证|及)"
)
_NOT_NAME = re.compile(r"作为|郑重|承诺|声明|自愿|保证|已|经|在|对|将|同意|确认|知悉|及")
# 名称 printed letter-spaced on licences; OCR may keep only its last character.
_SPACED_NAME_RE = re.compile(
    r"(?:^|\s)(?:名\s*)?称\s*:?\s*(?P<value>[\u4e00-\u9fff()]{4,38}?(?:公司|中心|合作社|厂|店|院|会))"
)
_LEGAL_REP_RE = re.compile(_LEAD + r"(?:法定代表人|负责人)(?:姓名)?" + _PAREN + _VALUE)
# 民族 on an ID card front (性别 男 民族 汉): the value is the group's name, one to five characters.
_ETHNICITY_RE = re.compile(r"民族\s*:?\s*(?P<value>[\u4e00-\u9fff]{1,5})")
# A change form (变更登记申请书) changing the legal representative names the new one as the
# changed content.
_CHANGE_OF_REP = re.compile(r"变更事项\s*:?\s*(?:法定代表人|负责人|经营者)")
_CHANGED_TO = re.compile(
    r"(?:申请变更(?:登记)?内容|变更后(?:登记)?内容|变更后)\s*:?\s*(?P<value>[\u4e00-\u9fff·]+)"
)
# 经营者 on a sole trader's (个体工商户) licence: the person the business is.
_OPERATOR_RE = re.compile(_LEAD + r"经营者(?:姓名)?" + _PAREN + _VALUE)
_ADDRESS_RE = re.compile(_LEAD + ADDRESS_LABEL + _PAREN + r"\s*:?\s*(?P<value>\S.{3,})")
# Any qualified address label set off from its value (受检地址：X, 单位地址 X, 项目地址 X): a form
# names its own kind of place. Only a value that names a place counts (see ``_PLACE_WORD``).
_QUALIFIED_ADDRESS_RE = re.compile(
    _LEAD + r"[\u4e00-\u9fff]{1,4}(?:地址|住址|住所)" + _PAREN + r"\s*[:\s]\s*(?P<value>\S.{3,})"
)
_PLACE_WORD = re.compile(r"[省市区县镇乡村路街道巷弄号幢楼室组]")
# The labels of the fields a form prints beside an address (地址 X 联系电话 Y): the address
# ends where the next label starts, with or without a blank before it.
_AFTER_ADDRESS = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,2}电话|手机|邮编|邮政编码|公民身份|身份证|证件号码|证件类型|联系人|"
    r"性别|民族|出生|姓名|法定代表人|负责人|经营者|统一社会信用代码|注册资本|成立日期|营业期限|"
    r"有效期|面积|用途|电子邮箱|邮箱|传真)"
)
# Contracts name the place in running text: 甲方将坐落于X的房屋出租给乙方, 位于X的商铺. A place
# that is only a city (位于示范市的住房一套) is no address: the value never ends in 的.
_PLACE_RE = re.compile(
    r"(?:坐落|位于)(?:于|在)?\s*:?\s*(?P<value>[^,;:。，；、\s]{4,60}?)(?<![的之])\s*(?:的|之)?"
    r"(?:房屋|房产|住房|商铺|铺面|门面|店面|厂房|场地|场所|仓库|写字楼|办公室)"
)
_HEADING_REST = re.compile(r"[、,;:。及和与]")
_PHONE_RE = re.compile(r"(?<![\dA-Za-z])(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?![\dA-Za-z])")
_SIGNATURE_RE = re.compile(r"签名|签字|签章|盖章|签署|\(签\)")
_WRITTEN = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a written name, not a blank or a date
_PLACE_LABEL = re.compile(r"[\u4e00-\u9fff]{0,10}\s*\(?\s*(?:" + SIGN_PLACE.pattern + ")")
# The date a paper was issued or signed: an issuing label, or a bare 日期 (日期：…). Another
# event's date (成立日期 on a licence, 初次领证日期, 入院日期) is no issue date.
_ISSUE_LABEL = re.compile(
    r"(?:签发|发证|发照|体检|签订|签约|签署|出具|申请|填表|填报|开具|登记|核发|出证|鉴定|诊断|"
    r"检查|开票|打印|制表|更新|生成|报告|验证|检测|检验)日期|(?<![\u4e00-\u9fff])日期"
)
# A copy attested by its holder (此复印件与原件一致 + signature + date): the date is the copy's.
_ATTESTED = re.compile(r"与原件(?:一致|相符|核对无误|无误)|复印件(?:仅供|只供|仅用于)")
_ATTEST_ROWS = 3  # the attestation, the signature under it, the date under that
_BIRTH = re.compile(r"出生")
# The label of the office that issued a document (签发机关, 发证机关, 登记机构): its value is an
# organisation that is never the holder.
_ISSUER_CELL = re.compile(r"(?:机关|机构|部门|签发|发证|颁发|核发)[:：]?$")
# A party's signing label (出租方：, 乙方（签字）：, 股东：): the block where a document is signed.
_SIGNER = re.compile(
    r"(?:^|(?<=[\s,;。]))(?:[甲乙丙丁]方|出租[人方]|承租[人方]|委托[人方]|受托[人方]|申请人|承诺人|"
    r"声明人|股东|法定代表人|经办人)\s*(?:\([^)]{0,12}\))?\s*:"
)
# The issuing office's seal place (登记机构（章）, 发证机关（印章）): the certificate is dated there.
_SEAL_PLACE = re.compile(r"[\u4e00-\u9fff]{2,10}\s*\(\s*(?:公章|印章|章)\s*\)")
_ORG_ROW = re.compile(r"[\u4e00-\u9fff()]{6,40}")  # a row that is a name and nothing else
_HEAD_ROWS = 3
_ORG_NAME = re.compile(
    r"[\u4e00-\u9fff()]{2,36}?(?:公司|合作社)|[\u4e00-\u9fff()]{2,36}(?:中心|厂|店)$"
)
# A title that is an organisation's name and the kind of paper it issues (X有限公司章程修正案).
_ORG_TITLE_RE = re.compile(
    r"(?P<value>[\u4e00-\u9fff()]{2,36}?(?:有限责任公司|股份有限公司|有限公司|公司|合作社))"
    r"\s*(?:关于[\u4e00-\u9fff]{0,20}的)?(?:股东会|股东大会|董事会|股东|执行董事)?"
    r"(?:决议|决定|章程修正案|章程|修正案|任职文件|任命书|任职证明|证明|通知|声明|说明)"
)
_ORG_SUFFIX = re.compile(r"(公司|中心|店|厂|社|所|局|部|馆|行|院|会|站|队|场|处)$")


@dataclass
class Fields:
    """What one document shows. Codes keep their problems; dates are sorted."""

    holder: str | None = None
    holder_label: str | None = None
    legal_rep: str | None = None
    ethnicity: str | None = None  # 民族 (ID card front), for pre-filling forms
    operator: str | None = None  # 经营者 of a 个体工商户: the person who holds the business
    id_numbers: list[Code] = field(default_factory=list)
    usccs: list[Code] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    issue_date: dt.date | None = None
    validity: Validity | None = None
    phones: list[str] = field(default_factory=list)
    address: str | None = None
    signature: bool = False
    signed: bool = False  # something is written at a signature place (see ``has``)

    def has(self, name: str) -> bool:
        """Whether the field called ``name`` in GUIDE_FORMAT.md was found.

        A signed signature place shows the signer's name in handwriting: the
        document names its holder even when no printed name can be read (a
        promise letter signed under 承诺人（签字）).
        """
        validity = self.validity
        return {
            "name": self.holder is not None or self.signed,
            "id_number": bool(self.id_numbers),
            "uscc": bool(self.usccs),
            "date": bool(self.dates),
            "valid_until": validity is not None
            and (validity.end is not None or validity.long_term),
            "phone": bool(self.phones),
            "address": self.address is not None,
            "legal_rep": self.legal_rep is not None,
            "signature": self.signature or self.signed,
        }.get(name, False)


def is_organisation(name: str) -> bool:
    """An organisation's name (示范市青禾科技有限公司) rather than a person's (张三)."""
    return len(name) > 5 and _ORG_SUFFIX.search(name) is not None


def _clean_name(value: str, organisation: bool = False) -> str | None:
    """The name at the start of ``value``, cut where the next label begins.

    Under a 名称 label, or a party's (承租方), the value may be an organisation's name,
    whose words may be label words too (示范启明信息咨询有限公司 holds 信息): it runs
    to its suffix.
    """
    if organisation and (whole := _ORG_NAME.match(value)):
        return whole.group(0)
    stop = _STOP_RE.search(value)
    if stop:
        value = value[: stop.start()]
    value = value.strip("()·")
    if len(value) < 2 or not re.search(r"[\u4e00-\u9fff]", value):
        return None  # a name has a surname and a given name: 参保人员 names nobody
    if _ORG_SUFFIX.search(value) and len(value) <= 40:
        return value
    if len(value) > 6 and "·" not in value:
        return value[:4] if re.fullmatch(r"[\u4e00-\u9fff]+", value[:4]) else None
    return value


def _set_off(match: re.Match, label: str) -> bool:
    """A blank, colon or bracket between label and value: a form's field, not running text.

    承租方如需续租 (a clause of the contract) names no holder; 承租方：张三 does.
    """
    group = "label" if match.groupdict().get("label") else "loose"
    gap = match.string[match.start(group) + len(label) : match.start("value")]
    return bool(gap)


def _labelled_holder(rows: list[str], labels: tuple[str, ...]) -> tuple[str, str] | None:
    """(label, name) of the best holder label, most specific label first.

    A loose label (承租方, also a word of a contract's clauses) run into the words after
    it without a blank or colon is running text: it counts only when no other label
    names someone, and never when those words run past a name (承租方应合理使用房屋).
    A field label run into its value (姓名张三) is an OCR join and counts as it is.
    """
    best: tuple[tuple[int, int], str, str] | None = None
    for row in rows:
        for match in holder_regex(labels).finditer(row):
            groups = match.groupdict()
            label = groups.get("label") or groups.get("loose")
            whole = "名称" in label or label in _LOOSE_LABELS  # names companies too
            name = _clean_name(match.group("value"), organisation=whole)
            if name is None:
                continue
            running = label in _LOOSE_LABELS and not _set_off(match, label)
            if running and _runs_on(match.group("value")):
                continue
            rank = (running, labels.index(label))
            if best is None or rank < best[0]:
                best = (rank, label, name)
    return (best[1], best[2]) if best else None


def _runs_on(value: str) -> bool:
    """The words after a label are a clause, not a name cut at the next label."""
    stop = _STOP_RE.search(value)
    head = value[: stop.start()] if stop else value
    return len(head) > 6 and "·" not in head and not _ORG_SUFFIX.search(head)


def find_named(rows: list[str], labels: tuple[str, ...]) -> str | None:
    """The name after one of ``labels`` (受托人 王芳), or None; no fallback labels."""
    found = _labelled_holder([normalize(row) for row in rows], labels)
    return found[1] if found else None


def find_holder(rows: list[str], labels: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    """(label, name) of the document's holder.

    The labels of the document's type come first (户名 on a bank page, 乙方 on a
    lease), then the most specific general holder label, then 兹证明 X 同志 in a
    certificate's running text, then a person naming themself (本人 X 郑重承诺), then a name
    followed by its ID number in brackets, then an organisation named by its code in running
    text, then a licence's letter-spaced 名称, then an organisation named on a line of its own
    under the title.
    """
    for candidates in (labels, HOLDER_LABELS):
        if candidates and (found := _labelled_holder(rows, tuple(candidates))):
            return found
    for row in rows:
        if (match := _CERTIFY_RE.search(row)) and (name := _clean_name(match.group("value"))):
            return "兹证明", name
    for row in rows:
        if (match := _SELF_RE.search(row)) and not _NOT_NAME.search(match.group("value")):
            return "姓名", match.group("value")
    for row in rows:
        if (match := _NAMED_BY_ID_RE.search(row)) and (name := _clean_name(match.group("value"))):
            return "姓名", name
    for row in rows:
        if (match := _ORG_BY_CODE_RE.search(row)) and (name := _organisation(match.group("value"))):
            return "名称", name
    for row in rows:
        if match := _SPACED_NAME_RE.search(row):
            return "名称", match.group("value")
    for row in rows[:_HEAD_ROWS]:  # an organisation's own text names it under the title
        if _ORG_ROW.fullmatch(row) and is_organisation(row):
            return "名称", row
    for row in rows[:_HEAD_ROWS]:  # in a cell of its own, beside the first clause's line
        cells = row.split(" ")
        if _ISSUER_CELL.search(cells[0]):  # 签发机关 X: the office that issued it, no holder
            continue
        for cell in cells[1:]:
            if _ORG_ROW.fullmatch(cell) and is_organisation(cell):
                return "名称", cell
    for row in rows[:_HEAD_ROWS]:  # or in the title: 示范青禾商贸有限公司股东会决议
        if match := _ORG_TITLE_RE.fullmatch(row):
            return "名称", match.group("value")
    return None, None


def _address_value(value: str) -> str | None:
    """The value after an address label, or None when the label was a heading.

    第一条 房屋坐落、面积 names the article, not the place: a value that starts
    with punctuation is the rest of a heading, and the place is read elsewhere. A form
    prints the next field on the same row (现居住地址 X 联系电话 Y): the value ends there.
    """
    value = value.strip()
    if _HEADING_REST.match(value):
        return None
    if stop := _AFTER_ADDRESS.search(value):
        value = value[: stop.start()].strip()
    return value or None


def _qualified_address(rows: list[str]) -> str | None:
    """The value of a qualified address label (受检地址 X), when it names a place."""
    for row in rows:
        for match in _QUALIFIED_ADDRESS_RE.finditer(row):
            value = _address_value(match.group("value"))
            if value and len(value) >= 4 and _PLACE_WORD.search(value):
                return value
    return None


def _changed_legal_rep(rows: list[str]) -> str | None:
    """The new legal representative on a change form (变更事项 法定代表人 … 申请变更登记内容 X).

    The form names the person only as the changed content; the old one (原登记内容)
    no longer represents the company.
    """
    if not any(_CHANGE_OF_REP.search(row) for row in rows):
        return None
    for row in rows:
        if match := _CHANGED_TO.search(row):
            return _clean_name(match.group("value"))
    return None


def _ethnicity(value: str) -> str | None:
    """``汉出生`` → ``汉``, ``汉族`` → ``汉``: the group's name without the next label."""
    stop = _STOP_RE.search(value)
    value = (value[: stop.start()] if stop else value).removesuffix("族")
    return value or None


def _organisation(value: str) -> str | None:
    """The organisation's name at the end of a clause (现向登记机关申请 X → X), if it is one."""
    name = _BEFORE_NAME.sub("", value).strip("()")
    return name if is_organisation(name) else None


_TAIL_RUN = re.compile(r"([0-9A-Za-z]{4,17})\s*$")
_HEAD_RUN = re.compile(r"^\s*([0-9A-Za-z]{1,14})(?![0-9A-Za-z])")


def wrapped_codes(rows: list[str]) -> list[Code]:
    """ID numbers and USCCs broken over two rows (a narrow form cell), joined back.

    Only a join whose check character is right is kept: the two halves of an
    unrelated pair of rows almost never make a valid code by chance.
    """
    found: list[Code] = []
    for upper, lower in itertools.pairwise(rows):
        tail, head = _TAIL_RUN.search(upper), _HEAD_RUN.match(lower)
        if not tail or not head or len(tail.group(1) + head.group(1)) != 18:
            continue
        joined = tail.group(1) + head.group(1)
        for code in find_codes(f"公民身份号码 {joined}") + find_codes(f"统一社会信用代码 {joined}"):
            if code.valid and all(c.value != code.value for c in found):
                found.append(code)
    return found


def _without_fragments(codes: list[Code], whole: list[Code]) -> list[Code]:
    """Codes minus invalid pieces of a code that was found whole after joining rows."""
    return [
        c
        for c in codes
        if c.valid
        or not any(w.value.startswith(c.value) or w.value.endswith(c.value) for w in whole)
    ]


def _signing_rows(rows: list[str]) -> set[int]:
    """Rows of a signature block, and a row of dates under one: their dates are signing dates.

    Contracts and letters date the signatures (出租方：李四 承租方：张三 / 2026年8月28日);
    a date in the text above (租赁期限自…起) is no signing date.
    """
    found: set[int] = set()
    for index, row in enumerate(rows):
        if SIGN_PLACE.search(row) or _SIGNER.search(row) or _SEAL_PLACE.search(row):
            found.add(index)
            if index + 1 < len(rows) and _only_dates(rows[index + 1]):
                found.add(index + 1)
    return found


def _only_dates(row: str) -> bool:
    """A row that is dates and little else (日期：2026年8月28日 2026年8月28日)."""
    fixed = fix_digits(row)
    dates = find_dates(fixed)
    rest = len("".join(fixed.split())) - sum(
        len("".join(fixed[d.start : d.end].split())) for d in dates
    )
    return bool(dates) and rest <= 4


def _signature_shown(rows: list[str]) -> bool:
    """A signature the rows show: a name written after a signature place, else a signing word.

    A paper with signature places (乙方（签字）：) is signed only where something is written
    at one: on the same row (乙方（签字）：张三), beside it in the layout (``Fields.signed``)
    or stamped over it. The label alone, a date after it, or 自双方签字之日起生效 in the
    clauses, signs nothing. A paper without any such place keeps the signing word as its sign.
    """
    places = [(row, m) for row in rows for m in SIGN_PLACE.finditer(row)]
    if not places:
        return any(_SIGNATURE_RE.search(row) for row in rows)
    for row, match in places:
        rest = _PLACE_LABEL.sub(" ", fix_digits(row[match.end() :]))
        for found in reversed(find_dates(rest)):
            rest = rest[: found.start] + rest[found.end :]
        if _WRITTEN.search(rest):
            return True
    return False


def _attested_rows(rows: list[str]) -> set[int]:
    """Rows of a holder's attestation on a copy (此复印件与原件一致 / 张三 / 2026-11-23).

    The holder dates the copy, not the document: a card's issue date is its own.
    """
    found: set[int] = set()
    for index, row in enumerate(rows):
        if _ATTESTED.search(row):
            found.update(range(index, min(index + _ATTEST_ROWS, len(rows))))
    return found


def _issue_date(rows: list[str], validity: Validity | None) -> dt.date | None:
    """The labelled issue/signing date, else the newest date that ends no validity range."""
    labelled: list[dt.date] = []
    others: list[dt.date] = []
    ends = {validity.end} if validity and validity.end else set()
    signing = _signing_rows(rows)
    attested = _attested_rows(rows)
    for index, row in enumerate(rows):
        fixed = fix_digits(row)
        if _BIRTH.search(fixed) or index in attested:
            continue
        row_validity = find_validity(fixed)
        for found in find_dates(fixed):
            if row_validity and found.date == row_validity.end:
                continue
            start = max(0, found.start - 10)
            if index in signing or _ISSUE_LABEL.search(fixed, start, found.start):
                labelled.append(found.date)
            elif found.date not in ends:
                others.append(found.date)
    if labelled:
        return max(labelled)
    return max(others) if others else None


def extract_fields(rows: list[str], holder_labels: tuple[str, ...] = ()) -> Fields:
    """Every field of GUIDE_FORMAT.md found in the rows of a document.

    ``holder_labels`` are the labels that name the holder on this document's type.
    """
    rows = [normalize(row) for row in rows if row.strip()]
    fields = Fields()
    fields.holder_label, fields.holder = find_holder(rows, holder_labels)
    found_dates: list[FoundDate] = []
    validities: list[Validity] = []
    for row in rows:
        for code in find_codes(row):
            (fields.id_numbers if code.kind == "id_number" else fields.usccs).append(code)
        found_dates.extend(find_dates(row))
        validity = find_validity(row)
        if validity:
            validities.append(validity)
        fields.phones.extend(_PHONE_RE.findall(row.replace(" ", "")))
        if fields.legal_rep is None and (match := _LEGAL_REP_RE.search(row)):
            fields.legal_rep = _clean_name(match.group("value"))
        if fields.ethnicity is None and (match := _ETHNICITY_RE.search(row)):
            fields.ethnicity = _ethnicity(match.group("value"))
        if fields.operator is None and (match := _OPERATOR_RE.search(row)):
            fields.operator = _clean_name(match.group("value"))
        if fields.address is None and (match := _ADDRESS_RE.search(row)):
            fields.address = _address_value(match.group("value"))
    fields.signature = _signature_shown(rows)
    if fields.address is None:
        fields.address = _qualified_address(rows)
    if fields.legal_rep is None:
        fields.legal_rep = _changed_legal_rep(rows)
    if fields.address is None and (match := _PLACE_RE.search("".join(rows))):
        fields.address = match.group("value")  # rows joined: running text wraps
    if whole := wrapped_codes(rows):
        for code in whole:
            if all(c.value != code.value for c in fields.id_numbers + fields.usccs):
                (fields.id_numbers if code.kind == "id_number" else fields.usccs).append(code)
        fields.id_numbers = _without_fragments(fields.id_numbers, whole)
        fields.usccs = _without_fragments(fields.usccs, whole)
    fields.dates = sorted({d.date for d in found_dates})
    labelled = [v for v in validities if v.labelled]
    fields.validity = (labelled or validities or [None])[-1]
    fields.issue_date = _issue_date(rows, fields.validity)
    return fields
