"""Chinese templates of the blind15 PII split: follow-up calls, voice-to-text, questionnaires,
table rows, group chats, 120 dispatch notes and WeChat consults with mixed English.

Written from imagination before any code, without reading the recognizers or any other split.
Slots (filled by bench/scrub_blind15.py):

  PERSON   {zname} {zname2} {zdr} {zkid} {zfam}          PHONE {zphone} {zphone2} {zphone_intl}
  LOCATION {zcity} {zdistrict} {ztown}                    STREET {zstreet} {zpost}
  EMAIL    {email}   URL {url} {url_bare}                 ID {zcnid} {zid} (label text, then number)
  DATE     {zdob} {zvisit}                                medical {zdrug} {zdx} {drug}
  carrier  {zcarrier} (a real ChatMed consult query)      neutral {zage} {time}
"""

ZH_STYLES: dict[str, list[str]] = {
    "phone_followup": [
        "电话随访记录\n随访日期：{zvisit}\n患者：{zname}  性别：女  年龄：{zage}岁\n联系电话：{zphone}\n"
        "现住址：{zcity}{zdistrict}{zstreet}\n随访内容：患者诉{zcarrier}\n"
        "目前服用{zdrug}，血压控制可。嘱继续{zdx}随访。\n随访人：{zdr}\n",

        "随访员：喂，请问是{zname}吗？\n家属：我是他女儿{zfam}，他在睡觉\n随访员：好的，上次出院是{zvisit}，"
        "现在{zdrug}还在吃吗\n家属：在吃的。你们有事打我电话{zphone}吧\n随访员：好，另外核对一下身份证号{zcnid}\n"
        "家属：对的\n",
    ],
    "voice_stt": [
        "喂医生你好我是{zname}我妈妈最近老是头晕她有{zdx}一直吃{zdrug}我们住在{zcity}{ztown}那边"
        "你可以打我电话{zphone}我白天都在\n",

        "语音转文字 {time}\n就是那个我叫{zname}我上次{zvisit}来看过的你们说是{zdx}然后开了{zdrug}"
        "现在好一点了吗就是还有点咳嗽我的手机是{zphone}\n",
    ],
    "questionnaire": [
        "慢病管理问卷\n1. 姓名：{zname}\n2. 出生日期：{zdob}\n3. 身份证号：{zcnid}\n"
        "4. 常住地：{zcity}{zdistrict}\n5. 详细地址：{zstreet}  邮编：{zpost}\n6. 手机：{zphone}\n"
        "7. 确诊疾病（可多选）：☑{zdx} ☐其他\n8. 目前用药：{zdrug}\n9. 电子邮箱：{email}\n",

        "满意度调查\nQ1 您的姓名（选填）：{zname}\nQ2 就诊日期：{zvisit}\nQ3 您对{zdr}医生的评价：很好\n"
        "Q4 联系方式：{zphone}\nQ5 其他意见：{zcarrier}\n",
    ],
    "table_row": [
        "序号\t姓名\t出生日期\t电话\t地址\t诊断\n1\t{zname}\t{zdob}\t{zphone}\t{zcity}{zstreet}\t{zdx}\n"
        "2\t{zname2}\t{zdob2}\t{zphone2}\t{zcity2}{zstreet2}\t{zdx2}\n",

        "| 患者 | 病案号 | 随访日期 | 用药 |\n|---|---|---|---|\n| {zname} | {zmrn} | {zvisit} | {zdrug} |\n"
        "| {zname2} | {zmrn2} | {zvisit2} | {zdrug2} |\n备注：数据来自{zdistrict}社区卫生服务中心\n",
    ],
    "group_chat": [
        "【家人群】\n{zfam}：妈今天去{zcity}复查了，医生说{zdx}稳定\n{zname}：太好了，药还是{zdrug}吗\n"
        "{zfam}：对。挂号用的是我的手机{zphone}\n{zname}：下次{zvisit}我陪她去\n",

        "【{zdistrict}糖友互助群】\n{zname}：大家好，我是新来的，{zcarrier}\n{zname2}：欢迎！可以加我微信，"
        "手机号{zphone}，我也在吃{zdrug}\n群主：有问题也可以发邮件到{email}，或者看{url_bare}\n",
    ],
    "dispatch_120": [
        "120调度记录 {time}\n呼救人：{zname}（儿子） 电话：{zphone}\n地址：{zcity}{zdistrict}{zstreet}\n"
        "患者：{zfam}，{zage}岁，既往{zdx}，长期服用{zdrug}\n主诉：突发胸痛半小时\n派车：{ztown}分站\n",

        "急救出车单\n患者姓名：{zname}  出生日期：{zdob}\n接车地点：{ztown}{zstreet}\n"
        "联系电话：{zphone}  备用：{zphone2}\n初步判断：{zdx}\n",
    ],
    "wechat_consult": [
        "患者{zname}：医生您好，{zcarrier}\n医生：请问之前有没有{zdx}？在吃什么药\n患者{zname}：吃{drug}，"
        "就是{zdrug}。我在{zcity}，方便的话打我电话{zphone_intl}\n医生：好的，把报告发我邮箱{email}\n",

        "Hi 医生助理，我是{zname}的家属，she has {zdx}，现在住{zcity}，"
        "我的电话{zphone}，{zid}，预约{zvisit}可以吗？thx\n",
    ],
}
