"""What the bot says in its own words (Simplified Chinese), kept together for review.

Service answers never come from here: they are composed by ``retrieval`` from
the guides. These are greetings, prompts and instructions only.
"""

from __future__ import annotations

HINT = (
    "您可以直接问我办事问题{examples}；发送“预审”或材料照片，可以在办理前预审材料；"
    "发送“人工”可获取人工服务方式。"
)
HINT_EXAMPLES = "，例如{quoted}"

SOCIAL = {
    "greeting": "您好！我是{centre}的智能办事助手。",
    "thanks": "不客气，很高兴能帮到您。",
    "bye": "再见，祝您办事顺利！",
    "identity": "我是{centre}的智能办事助手，根据各部门公布的办事指南解答问题，并可预审申请材料。",
    "ack": "好的。",
}

WELCOME = "您好，欢迎来到{centre}！我是智能办事助手。"

EMPTY = "请输入您想咨询的办事问题。"

NOT_FOUND = (
    "抱歉，没有找到与“{question}”相关的办事指南，我不能给出确切答复。"
    "您可以换个说法再问，例如说出要办的事项名称；也可以拨打服务热线 {hotline} 咨询。"
)

CHOOSE = "您想咨询的是下面哪一项？请回复数字选择："
CHOOSE_REVIEW = "请问要预审哪一项？请回复数字选择："

SOURCE = "（依据：《{name}》办事指南，{department}）"
BUNDLE_SOURCE = "（依据：所列各事项的办事指南，一件事牵头部门：{department}）"
BUNDLE_PREREVIEW = (
    "想一次预审全部事项的材料：直接在这里发送材料的照片或文件，同一份材料只需发一次。"
)

SITUATION_INTRO = "不同情形需要的材料不同，请先确认您办理【{name}】的情况。"
SITUATION_ASK = "{index}/{count}：{question}"
SITUATION_OPTIONS = ("属于“{label}”", "不属于")
SITUATION_RETRY = "请回复数字：1 属于这种情形，2 不属于（也可回复“是”或“否”）。"

REVIEW_ASK_ITEM = "请问您要预审哪个事项的材料？请直接告诉我事项名称，例如“出生登记”。"
REVIEW_ITEM_NOT_FOUND = "没有找到“{text}”对应的事项，请换个说法，例如说出完整的事项名称。"
REVIEW_START = (
    "好的，开始预审【{name}】的材料。请逐张拍照发送材料（也可以发送 PDF 文件），"
    "全部发送后回复“完成”。"
)
REVIEW_START_LINK = (
    "好的，开始预审【{name}】的材料。请逐张拍照发送材料，全部发送后回复“完成”。"
    "如需上传 PDF 等文件，请打开下面的专属链接（{minutes}分钟内有效）。"
)
REVIEW_RECEIVED = "已收到第{count}份材料“{name}”。继续发送，或回复“完成”开始预审。"
REVIEW_REJECTED = "“{name}”无法预审：{reason}。"
REVIEW_TOO_MANY = "{rule}，请回复“完成”开始预审。"
REVIEW_NO_FILES = "还没有收到材料，请先拍照发送材料，再回复“完成”。"
REVIEW_COLLECTING = (
    "（正在预审【{name}】：已收到{count}份材料，发送完毕请回复“完成”，回复“取消”结束预审。）"
)
REVIEW_PENDING = "正在预审【{name}】的{count}份材料，请稍候，结果出来后马上告诉您……"
REVIEW_FAILED = "抱歉，预审没有完成：{error}。请重新发送“预审”再试，或拨打 {hotline} 咨询。"
REVIEW_NOTICE_LINK = "打印版一次性告知书"
REVIEW_FORM_LINK = "预填好的申请表（一表申请，请核对后签字）"
REVIEW_UNAVAILABLE = "材料预审暂时不可用，请稍后再试，或拨打 {hotline} 咨询。"
REVIEW_WEB_LINK = "上传 PDF 等文件"

CANCELLED = "好的，已取消。" + "有其他问题可以随时问我。"

HUMAN_HEAD = "人工服务方式："
HUMAN_HOTLINE = "服务热线：{hotline}"
HUMAN_WINDOW = "【{name}】办理窗口：{location}"
HUMAN_CENTRE = "{centre}：工作日办公时间可到综合窗口咨询。"
HUMAN_FLAGGED = "已为您转告工作人员，工作时间内会尽快查看本次对话。"

RATE_NOTHING = "您还没有可以评价的答复，请先提出您的问题。"
RATE_ALREADY = "您已评价过刚才的答复，感谢您的反馈！"
RATE_ASK = "请为刚才的答复评价，回复数字："
RATE_THANKS = "感谢您的评价！"
RATE_REASON = "很抱歉没能让您满意。请告诉我们不满意的原因，我们会认真改进。"
RATE_CALLBACK = "是否需要工作人员回访？需要请回复“是”或直接留下手机号码；不需要请回复“否”。"
RATE_PHONE = "请留下您的手机号码，方便工作人员联系您。"
RATE_DONE_CALLBACK = "已记录，工作人员会在3个工作日内与您联系。感谢您的反馈！"
RATE_DONE = "已记录您的意见，感谢您的反馈！"

ERROR = "抱歉，系统暂时出了点问题，请稍后再试，或拨打 {hotline} 咨询。"
BAD_LINK = "（网上办理地址有误，请咨询窗口）"
