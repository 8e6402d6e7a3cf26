"""Words of the bot's own vocabulary: commands it offers, yes/no, and small talk.

All entries are folded (Simplified, lower-case, no punctuation) like
:func:`bot.dialog.intents.fold`. This is the chat's control language, the
same for every knowledge base; nothing here answers a service question.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


COMMANDS: dict[str, frozenset[str]] = {
    "human": _words("人工 转人工 人工服务 人工客服 找人工 要人工 真人 客服 人工咨询 转接人工"),
    "prereview": _words("预审 材料预审 我要预审 智能预审 预审材料 上传材料 审核材料 开始预审"),
    "done": _words("完成 好了 传完了 发完了 上传完毕 已完成 就这些 没了 结束上传 上传完成"),
    "cancel": _words("取消 退出 算了 不用了 重新开始 返回 取消预审"),
    "rate": _words("评价 我要评价 好差评 评分 打分"),
    "help": _words("帮助 菜单 help 功能 使用说明"),
}

YES = _words("是 是的 对 对的 有 需要 要 嗯 好 好的 y yes 1 属于 符合")
YES_PREFIXES = ("是的", "对的", "需要", "是")
NO = _words("否 不是 没有 不 不需要 不要 无 n no 2 没 不用 不属于 不符合 都不是")
NO_PREFIXES = ("不是", "不需要", "不用", "没有", "否", "不属于", "不符合")

SOCIAL: dict[str, frozenset[str]] = {
    "greeting": _words(
        "你好 您好 你们好 在吗 在不在 有人吗 hi hello 哈喽 嗨 早 早上好 上午好 中午好 "
        "下午好 晚上好 您好请问 你好请问 请问 请问一下 您好请问一下 你好请问一下 打扰一下 "
        "打扰了 咨询一下 我想咨询一下 想咨询一下 您好我想咨询一下 你好我想咨询一下"
    ),
    "thanks": _words(
        "谢谢 谢谢你 谢谢您 多谢 感谢 非常感谢 谢啦 辛苦了 thanks thankyou thx 好的谢谢 "
        "好的谢谢你 明白了谢谢 知道了谢谢"
    ),
    "bye": _words("再见 拜拜 bye byebye 回头见 下次见"),
    "identity": _words(
        "你是谁 你是机器人吗 你是人吗 你叫什么 你能做什么 你会什么 怎么用 能干什么 "
        "你有什么功能 你可以做什么 你能干嘛"
    ),
    "ack": _words("好的 嗯 嗯嗯 哦 知道了 明白了 明白 ok 收到 行"),
}
