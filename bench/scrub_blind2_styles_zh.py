"""Chinese author styles of the blind2 PII split (bench/scrub_blind2.py): simplified patient questions,
caregivers, intake forms, doctor replies signed X医生/X大夫/X主任, Taiwanese traditional Chinese and
Hong Kong mixed Cantonese-English. {ZQ} / {ZA} is a real carrier question / answer (traditional and
Hong Kong styles carry none: a simplified carrier would not be how they write). Written by the blind2
author without reading the recognizers or the other splits."""
from __future__ import annotations

ZH_STYLES: dict[str, dict] = {
    "zh_patient": dict(open=[
        "大夫您好，我是{zplace}的，今年{age}岁。{ZQ}",
        "医生你好！本人{zname}，{zdob}出生。{ZQ}",
        "您好，我在{zplace}打工，{ZQ}",
        "{ZQ}"],
        mid=["之前在当地吃过{zdrug}，效果一般。", "我的手机{zphone}，方便的话打给我。", "身份证号{zid}，挂号要用。",
             "住址：{zaddr}。", "{zdate}做的{ztest}检查，报告在这。", "我姐姐{zrel}也有{zsym}，会遗传吗？",
             "微博上也发过：{zurl} 。", "邮箱{zemail}，麻烦把建议发我。", "之前有人推荐{zherb}泡水喝，可以吗？"],
        close=["谢谢医生！", "急，在线等。{zname}", "麻烦了，电话{zphone2}。", ""]),
    "zh_caregiver": dict(open=[
        "我替我妈问的，她叫{zrel}，{age}岁，住{zplace}。{ZQ}",
        "孩子爸爸{zrel}让我来问一下，孩子{age}岁。{ZQ}",
        "帮我爷爷问，他老人家在{zplace}农村。{ZQ}"],
        mid=["老人家以前有{zsym}，一直吃{zdrug}。", "联系人：{zname}，电话{zphone}。", "病历号{zrecord}。",
             "家里地址{zaddr}。", "{zdate}在县医院住过一次院。", "医保卡号{zins}。", "老人生日{zdob}。",
             "村里的医生给开了{zherb}。", "水滴筹的链接：{zurl}，谢谢好心人。"],
        close=["先谢谢了。", "有消息请打{zphone2}，找{zname}。", ""]),
    "zh_form": dict(open=[
        "姓名：{zname}\n性别：女\n年龄：{age}岁\n出生日期：{zdob}\n联系电话：{zphone}\n现住址：{zaddr}\n病情描述：{ZQ}\n",
        "【患者信息】{zname}，男，{age}岁，{zplace}人\n【身份证】{zid}\n【主诉】{ZQ}\n"],
        mid=["既往史：{zsym}。", "用药：{zdrug}。", "就诊日期：{zdate}", "住院号：{zrecord}", "邮箱：{zemail}",
             "紧急联系人：{zrel}（{zphone2}）"],
        close=["", "备注：不要打{zphone2}以外的号码。"]),
    "zh_doctor": dict(doctor=True, open=[
        "{zname}您好，{ZA}", "你好，{ZA}", "{ZA}", "这位家长您好。{ZA}"],
        mid=["建议先停用{zdrug}，观察一周。", "可以到我院复诊，预约电话{zphone}。", "{zdate}之后再复查{ztest}。",
             "如有疑问可发邮件至{zemail}。", "不建议自行服用{zherb}。"],
        close=["\n——{zdoc}医生", "\n{zdoc}大夫", "\n祝早日康复！{zdoc}主任", "\n{zdocfull}医生（{zplace}）",
               "\n回复人：{zdocfull}"]),
    "zh_tw": dict(trad=True, open=[
        "醫師您好，我是{tname}，住在{tplace}，最近一直{tsym}，看了診所吃了{tdrug}都沒改善。",
        "想請問醫生，我媽媽{trel}今年{age}歲，在{tplace}的診所說是{tsym}，需要轉大醫院嗎？"],
        mid=["我的電話是{tphone}。", "身分證字號{tid}。", "地址：{taddr}。", "她{tdate}有做過{ttest}檢查。",
             "E-mail：{zemail}。"],
        close=["謝謝醫師！", "麻煩回覆，{tname}敬上", "感恩。{tphone2}"]),
    "zh_hk": dict(hk=True, open=[
        "Hello醫生，我係{hname}，住{hplace}，最近成日{tsym}，睇咗GP食咗{tdrug}都冇好轉。",
        "Hi doctor，我阿媽{hrel}今年{age}歲，住{hplace}，佢話有{tsym}，想問使唔使睇specialist？"],
        mid=["我電話{hphone}，whatsapp都得。", "HKID {hid}。", "地址：{haddr}。", "{tdate}做咗個{ttest}check。",
             "email我：{zemail}。", "相片我放咗上{zurl}。"],
        close=["唔該晒！", "Thanks a lot，{hname}", "急，call我{hphone2}。"]),
}
