#!/usr/bin/env python3
"""Writes Tests/Fixtures/web-pages/: ten raw "scraped" pages, each one seed article body
(verbatim lines from seeds/pages) wrapped in the furniture news sites put around articles:
menus, breadcrumbs, date/source lines, share and font-size widgets, image file names and
captions, editor credits, 上一篇/下一篇, copyright and ICP lines. The furniture is our own
invention in four site styles; manifest.json maps each page to its seed article id."""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
seeds = json.loads((root / "seeds/articles.json").read_text())
pages = {}
def article_lines(a):
    lines = pages.setdefault(a["page"], (root / "seeds/pages" / a["page"]).read_text().split("\n"))
    out = []
    for lo, hi in a["ranges"]:
        out += lines[lo - 1:hi]
    return out

styles = [
    dict(top=["首页 | 新闻 | 时政 | 社会 | 财经 | 图片 | 视频 | 专题", "当前位置：首页 > 新闻中心 > 基层动态", ""],
         meta=["2023-04-12 09:30:15　来源：中国县域经济网　作者：李明", "【字体：大 中 小】【打印】【关闭】"],
         image="IMG_20230412_093015.jpg",
         bottom=["", "责任编辑：王小明", "分享到：微信 微博 QQ空间", "上一篇：全市春耕生产现场推进会召开", "下一篇：我县开展消防安全进校园活动",
                 "版权所有 © 2023 中国县域经济网 All Rights Reserved", "京ICP备12345678号-1"]),
    dict(top=["网站首页 ｜ 要闻 ｜ 地方 ｜ 评论 ｜ 图片 ｜ 英文版", "您的位置: 首页 » 地方频道 » 正文", ""],
         meta=["发布时间：2023年03月28日 16:05", "字号：大 中 小 | 打印本页 | 关闭窗口"],
         image="/uploads/2023/03/28/20230328160512_4821.png",
         bottom=["（图片来源：受访单位供图）", "【责任编辑：陈晓】", "扫一扫在手机打开当前页", "上一条：关于开展2023年度评选工作的通知",
                 "下一条：区委召开理论学习中心组学习会", "Copyright © 2016-2023 www.example-news.cn All rights reserved.",
                 "主办单位：某某日报社 地址：某某市某某路88号"]),
    dict(top=["2023-05-06 星期六", "新闻 ┆ 视频 ┆ 图片 ┆ 政务 ┆ 服务 ┆ 互动", "首页>基层党建>正文", ""],
         meta=["来源：人民网-地方频道 2023-05-06 08:12", "分享 微信 微博 QQ 复制链接"],
         image="20230506081233_1.jpeg",
         bottom=["▲ 活动现场", "编辑：刘洋　审核：张华", "点击数：2386", "相关阅读", "返回顶部",
                 "本网站所刊登的各种新闻、信息和各种专题专栏资料，未经协议授权，禁止下载使用。"]),
    dict(top=["登录 | 注册 | 收藏本站 | 设为首页", "首页 / 新闻 / 正文", ""],
         meta=["2023/06/19", "作者：记者 赵磊 通讯员 孙倩　浏览次数：1045"],
         image="photo_0619_01.JPG",
         bottom=["", "（原标题：" + "{title}" + "）", "责编：周敏", "【打印】【关闭】【收藏】", "上一页 下一页",
                 "©2023 地方新闻网 版权所有 未经授权禁止转载", "公网安备 11010502030143号"]),
]

chosen = ["s000-01", "s000-04", "s000-06", "s001-05", "s001-06", "s002-04", "s002-07", "s003-04", "s004-01", "s004-04"]
articles = {a["id"]: a for a in seeds["articles"]}
out = root / "Tests/Fixtures/web-pages"
out.mkdir(parents=True, exist_ok=True)
manifest = []
for n, article_id in enumerate(chosen):
    a = articles[article_id]
    style = styles[n % len(styles)]
    body = article_lines(a)
    # The image file name goes at the first blank line after a third of the body.
    cut = next((i for i, line in enumerate(body) if i >= len(body) // 3 and not line.strip()), len(body))
    lines = style["top"] + style["meta"] + body[:cut] + [style["image"]] + body[cut:]
    lines += [line.replace("{title}", a["title"]) for line in style["bottom"]]
    name = "%02d_%s.txt" % (n + 1, article_id)
    (out / name).write_text("\n".join(lines) + "\n")
    manifest.append({"page": name, "article": article_id})
(out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
print("wrote", len(manifest), "pages to", out)
