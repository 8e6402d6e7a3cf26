"""The built-in document types (证照类型): the standard Chinese documents applicants upload.

Data only; ``prereview.doctypes`` holds the rules that use it. Each entry says how
the document looks (title words, printed labels, number shapes), which fields of
GUIDE_FORMAT.md it carries, whose document it is (holder labels, most specific
first), and which material names ask for it. Words are Simplified: every text is
normalised before it is compared.
"""

from __future__ import annotations

from dataclasses import dataclass

ID_NUMBER = r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?![0-9A-Za-z])"
CARD_NUMBER = r"(?<!\d)(?:62|4\d|5[1-5])\d{2}(?:\s?\d{4}){2,3}(?:\s?\d{1,3})?(?!\d)"
USCC = r"(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])"


@dataclass(frozen=True)
class DocType:
    """One kind of document. ``family`` joins the sides of one card (ID front and back)."""

    id: str
    name: str
    titles: tuple[str, ...] = ()  # words printed as the document's title or emblem
    labels: tuple[str, ...] = ()  # field labels printed on it
    patterns: tuple[str, ...] = ()  # shapes of numbers it carries (regular expressions)
    excludes: tuple[str, ...] = ()  # words it never carries (another type's title)
    min_labels: int = 2  # labels needed without a title
    fields: tuple[str, ...] = ()  # GUIDE_FORMAT.md fields the type carries
    holder_labels: tuple[str, ...] = ()
    material_names: str = ""  # regex on a material name (compact, Simplified) asking for it
    family: str = ""  # defaults to ``id``
    side: str | None = None  # "front" | "back" for two-sided cards
    card: bool = False  # a fixed layout: several may share a page; fields beyond ``fields`` never
    #                     show on it, so a material cannot demand them from it
    multipage: bool = False  # pages may come as separate photos (contracts)
    # A label only the type's first page (首页) carries; that page shows no one's own record
    # and belongs with the member page uploaded beside it (户口簿 户主页 + 本人页).
    cover_label: str = ""
    link_weight: float = 4.0  # evidence a matching type adds to a material
    # A catch-all kind (a unit's 证明 letter): a material name asks for it only when no
    # specific type's name ends that part of the name (健康证明 is a health certificate).
    generic: bool = False

    @property
    def kind(self) -> str:
        return self.family or self.id


TYPES: tuple[DocType, ...] = (
    DocType(
        "id-card-front",
        "居民身份证（人像面）",
        labels=("姓名", "性别", "民族", "出生", "住址", "公民身份号码"),
        patterns=(ID_NUMBER,),
        excludes=("常住人口登记卡", "户主", "申请书", "申请表", "申请人", "合同", "委托书",
                  "委托人", "证明", "登记表", "驾驶证", "社会保障", "户名", "账号", "居住证",
                  "通行证"),
        min_labels=4,
        fields=("name", "id_number", "address", "date"),
        holder_labels=("姓名",),
        material_names=r"(?:居民)?身份证(?:件|明)?(?:正反面)?(?:复印件|原件)?$",
        family="id-card",
        side="front",
        card=True,
    ),
    DocType(
        "id-card-back",
        "居民身份证（国徽面）",
        titles=("中华人民共和国", "居民身份证"),
        labels=("签发机关", "有效期限"),
        # Other documents' titles and labels, not bare verbs: the "仅供办理…登记使用" a copy
        # carries across the card uses words such as 登记, 申请, 委托.
        excludes=("姓名", "住址", "申请书", "申请表", "申请人", "合同", "委托书", "委托人",
                  "证明", "登记表", "登记卡", "登记证", "居住证", "通行证"),
        min_labels=2,
        fields=("valid_until",),
        family="id-card",
        side="back",
        card=True,
    ),
    DocType(
        "business-licence",
        "营业执照",
        titles=("营业执照", "电子营业执照"),
        labels=("统一社会信用代码", "名称", "类型", "法定代表人", "经营者", "注册资本",
                "成立日期", "注册日期", "营业期限", "经营范围", "住所", "经营场所", "登记机关"),
        patterns=(USCC,),
        excludes=("申请书", "申请表", "登记表", "授权委托书", "章程", "合同"),
        min_labels=4,
        fields=("name", "uscc", "legal_rep", "address", "date", "valid_until"),
        holder_labels=("名称", "企业名称"),
        material_names=r"营业执照(?:正本|副本|复印件)*$",
        card=True,
    ),
    DocType(
        "bank-card",
        "银行卡",
        titles=("借记卡", "储蓄卡", "银联", "UnionPay", "信用卡", "DEBIT"),
        labels=("有效期", "VALID", "THRU"),
        patterns=(CARD_NUMBER,),
        excludes=("社会保障卡", "租赁", "申请书", "申请表", "户名", "账号"),
        min_labels=2,
        fields=(),  # a card face shows no holder's name a review could rely on
        material_names=r"(?:借记卡|银行卡|储蓄卡)$",
        family="bank-account",
        card=True,
    ),
    DocType(
        "bank-account",
        "银行账户信息",
        titles=("开户许可证", "账户信息", "开户信息", "银行结算账户", "存折", "开户证明"),
        labels=("户名", "账号", "卡号", "开户行", "开户银行", "开户网点", "账户名称", "账户类型"),
        patterns=(CARD_NUMBER,),
        excludes=("社会保障卡", "租赁", "申请书", "申请表"),
        min_labels=2,
        fields=("name", "date"),
        holder_labels=("户名", "账户名称", "账户名", "开户名", "持卡人", "姓名"),
        material_names=r"(?:银行账户|金融账户|账户信息|开户许可证|存折)$",
    ),
    DocType(
        "hukou",
        "居民户口簿",
        titles=("居民户口簿", "常住人口登记卡", "户口簿"),
        labels=("户主姓名", "户号", "户别", "与户主关系", "户主或与户主关系", "曾用名", "籍贯",
                "宗教信仰", "公民身份证件编号", "何时由何地迁来本址", "服务处所", "婚姻状况"),
        min_labels=3,
        fields=("name", "id_number", "address", "date"),
        holder_labels=("姓名", "户主姓名"),
        material_names=r"(?:户口簿|户口本|常住人口登记卡)(?:.{0,8}页)?$",
        cover_label="户主姓名",
    ),
    DocType(
        "residence-permit-front",
        "居住证（人像面）",
        titles=("居住证",),
        labels=("姓名", "性别", "公民身份号码", "居住地址", "住址"),
        patterns=(ID_NUMBER,),
        excludes=("申请表", "申请书", "登记表", "申领", "委托书", "证明", "签发机关"),
        min_labels=3,
        fields=("name", "id_number", "address"),
        holder_labels=("姓名",),
        material_names=r"居住证$",
        family="residence-permit",
        side="front",
        card=True,
    ),
    DocType(
        "residence-permit-back",
        "居住证（签注面）",
        titles=("居住证",),
        labels=("签发机关", "有效期限", "签注记录"),
        excludes=("姓名", "申请表", "申请书", "登记表", "申领", "委托书", "证明"),
        min_labels=2,
        fields=("valid_until",),
        family="residence-permit",
        side="back",
        card=True,
    ),
    DocType(
        "marriage",
        "结婚证或离婚证",
        titles=("结婚证", "离婚证"),
        labels=("持证人", "登记日期", "结婚证字号", "离婚证字号", "备注", "国籍", "身份证件号"),
        min_labels=3,
        fields=("name", "id_number", "date"),
        holder_labels=("持证人", "姓名"),
        material_names=r"(?:结婚证|离婚证)$",
    ),
    DocType(
        "social-security-card",
        "社会保障卡",
        titles=("社会保障卡",),
        labels=("社会保障号码", "姓名", "卡号", "发卡日期"),
        patterns=(ID_NUMBER,),
        excludes=("申请表", "委托书", "登记表"),
        min_labels=3,
        fields=("name", "id_number", "date"),
        holder_labels=("姓名",),
        material_names=r"社会保障卡(?:金融账户)?$",
        card=True,
    ),
    DocType(
        "driving-licence",
        "机动车驾驶证",
        titles=("机动车驾驶证", "驾驶证"),
        labels=("准驾车型", "初次领证日期", "有效期限", "证号", "国籍", "住址"),
        excludes=("申请", "身体条件证明", "声明"),
        min_labels=3,
        fields=("name", "id_number", "valid_until", "address", "date"),
        holder_labels=("姓名",),
        material_names=r"驾驶证$",
        card=True,
    ),
    DocType(
        "property-certificate",
        "不动产权证书",
        titles=("不动产权证书", "房屋所有权证", "不动产权属证书"),
        labels=("权利人", "共有情况", "坐落", "不动产单元号", "权利类型", "权利性质", "用途",
                "面积", "使用期限"),
        excludes=("租赁合同", "申请书"),
        min_labels=3,
        fields=("name", "address", "date"),
        holder_labels=("权利人",),
        # 房屋权属证明, 经营场所产权证明: what proves ownership of a place is its certificate.
        material_names=r"(?:不动产权证书|不动产权属证书|不动产权证|房屋所有权证|房产证|(?:产权|权属)证明)$",
    ),
    DocType(
        "birth-certificate",
        "出生医学证明",
        titles=("出生医学证明",),
        labels=("新生儿姓名", "出生时间", "出生地点", "母亲姓名", "父亲姓名", "出生证编号",
                "签发日期"),
        min_labels=3,
        fields=("name", "id_number", "date"),
        holder_labels=("新生儿姓名", "姓名"),
        material_names=r"出生医学证明$",
    ),
    DocType(
        "lease",
        "房屋租赁合同",
        titles=("租赁合同", "租房合同", "租赁协议"),
        labels=("出租方", "承租方", "出租人", "承租人", "租赁期限", "租金", "房屋坐落", "坐落",
                "甲方", "乙方", "押金"),
        excludes=("不动产权证书", "授权委托书"),
        min_labels=4,
        fields=("name", "address", "valid_until", "signature", "date"),
        holder_labels=("承租方", "承租人", "乙方"),
        material_names=r"(?:租赁合同|租房合同|租赁协议)$",
        multipage=True,
    ),
    DocType(
        "power-of-attorney",
        "授权委托书",
        titles=("授权委托书", "委托书"),
        labels=("委托人", "受托人", "委托事项", "委托期限", "委托权限", "代理人"),
        min_labels=3,
        fields=("name", "signature", "date"),
        holder_labels=("委托人", "委托方"),
        material_names=r"(?:委托书|委托代理人证明)$",
        multipage=True,
    ),
    DocType(
        "termination",
        "解除或终止劳动合同证明",
        titles=("解除劳动合同证明", "终止劳动合同证明", "离职证明", "解除劳动关系证明",
                "终止劳动关系证明"),
        labels=("解除劳动合同", "终止劳动合同", "解除劳动关系", "终止劳动关系", "工作年限",
                "兹证明"),
        min_labels=2,
        fields=("name", "id_number", "date", "signature"),
        holder_labels=("姓名", "职工姓名", "员工姓名"),
        material_names=r"(?:(?:解除|终止).*(?:劳动合同|劳动关系).*证明书?|离职证明)$",
    ),
    DocType(
        "health-certificate",
        "健康证明",
        titles=("健康证明", "健康合格证", "健康证"),
        labels=("体检日期", "体检单位", "有效期至", "从业人员", "体检结论"),
        excludes=("申请书",),
        min_labels=3,
        fields=("name", "id_number", "date", "valid_until"),
        holder_labels=("姓名",),
        material_names=r"(?:健康(?:合格)?证明|健康(?:合格)?证)$",
    ),
    DocType(
        "photo",
        "证件照片（数码照片回执）",
        # A studio's receipt for a photo uploaded to the police photo database: the photo, a
        # receipt or image number, the person's name and number, the day it was taken.
        titles=("照片回执", "相片回执", "数码照片", "数码相片", "数字相片", "数字照片",
                "相片采集回执", "照片采集回执"),
        labels=("回执编号", "回执号", "图像号", "相片编号", "照片编号", "拍摄日期", "采集日期",
                "采集点", "照相馆", "拍摄单位"),
        patterns=(ID_NUMBER,),
        excludes=("申请表", "申请书", "登记表", "申领表", "委托书"),
        min_labels=3,
        fields=("name", "id_number", "date"),
        holder_labels=("姓名",),
        # A portrait for a certificate: 免冠, N寸, 证件照, 半身, 合影 or a 相片 (the word
        # offices use for portraits only); 车辆照片, 现场照片, 门头照片 are pictures of things.
        material_names=r"(?:(?:免冠|寸|证件|半身|合影|头像|人像).*(?:照片|相片)"
        r"|证件照|标准照|登记照|合影|相片|(?:照片|相片)回执)$",
    ),
    DocType(
        "passport",
        "护照",
        titles=("护照", "PASSPORT"),
        labels=("护照号", "护照号码", "Passport No", "签发地点", "签发日期", "有效期至",
                "出生地点", "签发机关", "国家码"),
        excludes=("申请表", "申请书", "登记表", "委托书"),
        min_labels=3,
        fields=("name", "valid_until", "date"),
        holder_labels=("姓名",),
        material_names=r"护照(?:资料页|首页|个人资料页)?$",
        card=True,
    ),
    DocType(
        "skill-certificate",
        "职业资格证书或职业技能等级证书",
        # 人社部 2022 reference arrangement: 姓名, 证件类型, 证件号码, 职业名称, 工种/职业方向,
        # 职业技能等级, 证书编号, 发证日期, 评价机构 (or 发证机关 on older 职业资格证书).
        titles=("职业技能等级证书", "职业资格证书", "技能等级证书", "专项职业能力证书"),
        labels=("职业名称", "职业技能等级", "工种", "职业方向", "证书编号", "发证日期",
                "评价机构", "发证机关", "证件号码", "证件类型", "技能等级", "职业(工种)"),
        patterns=(ID_NUMBER,),
        excludes=("申请表", "申请书", "登记表", "申报表", "审批表"),
        min_labels=4,
        fields=("name", "id_number", "date"),
        holder_labels=("姓名",),
        material_names=r"(?:职业资格|技能等级|专项职业能力|职业技能鉴定)(?:证书?|证明)$",
    ),
    DocType(
        "practising-certificate",
        "执业证书（执业药师注册证、医师或护士执业证书）",
        titles=("执业药师注册证", "执业证书", "医师执业证书", "护士执业证书", "律师执业证"),
        labels=("执业类别", "执业范围", "执业单位", "执业地点", "执业机构", "注册证编号",
                "证书编码", "有效期至", "发证机关", "发证日期", "身份证号", "执业证号"),
        patterns=(ID_NUMBER,),
        excludes=("申请表", "申请书", "登记表", "审核表", "许可证"),
        min_labels=4,
        fields=("name", "id_number", "valid_until", "date"),
        holder_labels=("姓名",),
        material_names=r"(?:执业药师注册证|执业(?:注册)?证书?|执业注册证)$",
    ),
    DocType(
        "diploma",
        "毕业证书、学历或学位证书",
        # 学生 X，性别 男，…生，于…至…在本校…专业…学习，…准予毕业；校名、校（院）长、证书编号.
        titles=("毕业证书", "学位证书", "学历证书", "结业证书", "毕业证明书"),
        labels=("准予毕业", "在本校", "校名", "校长", "院长", "证书编号", "学制"),
        excludes=("申请表", "申请书", "登记表", "在线验证", "备案表"),
        min_labels=4,
        fields=("name", "date"),
        holder_labels=("学生", "姓名"),
        material_names=r"(?:毕业证书?|学历证书|学位证书|学历证明书?|毕业证明书?)$",
    ),
    DocType(
        "education-report",
        "学信网学籍或学历在线验证报告",
        # 中国高等教育学生信息网 exports: 姓名, 证件号码, 院校, 层次, 专业, 学制, 入学日期,
        # 学籍状态, 在线验证码 and a QR code.
        titles=("学籍在线验证报告", "学历在线验证报告", "学位在线验证报告", "在线验证报告",
                "学历证书电子注册备案表", "电子注册备案表"),
        labels=("在线验证码", "学籍状态", "院校", "层次", "学制", "学历类别", "入学日期",
                "预计毕业日期", "毕业日期", "学信网", "证件号码", "院系"),
        min_labels=4,
        fields=("name", "id_number", "date"),
        holder_labels=("姓名",),
        material_names=r"(?:验证报告|电子注册备案表)$",
    ),
    DocType(
        "inspection-report",
        "检验检测报告",
        # A testing agency's report (CMA): 报告编号, 受检（委托）单位, 检测依据, 检测项目 and
        # results, 检测结论, 检验检测专用章, 签发日期.
        titles=("检测报告", "检验报告", "评价报告", "鉴定报告", "检验检测报告", "检测评价报告"),
        labels=("报告编号", "受检单位", "委托单位", "被检单位", "送检单位", "检测日期",
                "检测项目", "检测结果", "检测依据", "检测结论", "检测机构", "检测类别",
                "采样日期", "标准限值", "单项结论", "检验结论", "签发日期", "检验检测专用章"),
        excludes=("申请表", "申请书", "登记表"),
        min_labels=4,
        fields=("name", "address", "date", "signature"),
        holder_labels=("受检单位", "委托单位", "被检单位", "送检单位", "单位名称"),
        material_names=r"(?:检测|检验|评价|鉴定)报告(?:书)?$",
        multipage=True,
    ),
    DocType(
        "medical-record",
        "诊断证明书或病历",
        titles=("诊断证明书", "诊断证明", "疾病诊断证明", "门诊病历", "住院病历", "病历",
                "出院小结", "出院记录", "病情证明", "诊断书"),
        labels=("科别", "门诊号", "住院号", "就诊日期", "诊断", "主诉", "现病史", "既往史",
                "处理意见", "医师签名", "医生签名", "入院日期", "出院日期", "床号", "病历号",
                "初步诊断", "出院诊断"),
        excludes=("申请表", "申请书", "登记表", "审批表"),
        min_labels=4,
        fields=("name", "date", "signature"),
        holder_labels=("姓名", "患者姓名", "病人姓名"),
        material_names=r"(?:诊断证明书?|诊断书|病历|出院小结|出院记录|病情证明|诊断报告)$",
        multipage=True,
    ),
    DocType(
        "labour-contract",
        "劳动合同",
        titles=("劳动合同", "劳动合同书", "聘用合同"),
        labels=("用人单位", "劳动者", "合同期限", "试用期", "工作内容", "工作地点", "劳动报酬",
                "社会保险", "工作时间", "休息休假", "劳动保护"),
        min_labels=4,
        fields=("name", "date", "signature", "valid_until"),
        holder_labels=("劳动者", "乙方", "受聘人", "姓名"),
        material_names=r"(?:劳动合同书?|聘用合同)$",
        multipage=True,
    ),
    DocType(
        "floor-plan",
        "平面图或示意图",
        # A drawing: its title and a few room or place names; known by its title only.
        titles=("平面图", "平面布局图", "平面布置图", "布局图", "布置图", "示意图", "位置图",
                "方位图"),
        min_labels=99,
        fields=(),
        material_names=r"(?:平面|布局|布置|示意|位置|方位)图(?:纸)?$",
        link_weight=3.0,
    ),
    DocType(
        "consent",
        "同意书或意见书",
        # A written consent or opinion (监护人意见书, 共有人同意书, 验收意见书): 本人 X …
        # 同意 …, signed. Known by its title only; the words of its body are everybody's words.
        titles=("同意书", "意见书", "书面意见", "同意函"),
        min_labels=99,
        fields=("name", "signature", "date"),
        holder_labels=("同意人", "声明人"),
        # 审批意见, 评审意见 without 书 are an office's notes on a file, not this paper.
        material_names=r"(?:同意.*意见|书面意见|意见书|同意书|同意函)$",
    ),
    DocType(
        "letter",
        "证明信（单位出具的证明）",
        # A unit's letter: a title ending in 证明, 兹证明 X …, 特此证明, the unit's seal and date.
        # The title word is the head of every 证明 title; a specific type named in the same
        # title (出生医学证明, 健康证明) carries more labels and wins.
        titles=("证明",),
        labels=("兹证明", "特此证明", "证明人", "经办人"),
        excludes=("申请表", "申请书", "登记表"),
        min_labels=2,
        fields=("name", "date", "signature"),
        holder_labels=("姓名",),
        material_names=r"证明(?:书|信|材料|文件|函)?$",
        generic=True,
        link_weight=2.0,
    ),
    DocType(
        "form",
        "申请书、登记表或声明",
        titles=("申请书", "申请表", "登记表", "申报表", "审批表", "申领表", "申请单", "声明书",
                "承诺书", "声明"),
        labels=("申请人", "申请人名称", "申请日期", "联系电话", "企业名称", "法定代表人",
                "申请事项", "填表日期"),
        min_labels=99,  # a form is known by its title, never by labels alone
        fields=("name", "signature", "date", "phone"),
        holder_labels=("申请人", "申请人名称", "申领人", "承诺人", "声明人", "企业名称",
                       "单位名称", "名称", "姓名"),
        material_names=r"(?:申请书|申请表|登记表|申报表|审批表|申领表|申请单|声明书?|承诺书)$",
        multipage=True,
        link_weight=1.0,
    ),
)  # fmt: skip
