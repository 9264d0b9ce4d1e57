/**
 * Our own cleaning labels for the development corpus (../shared/corpus/articles, read in place):
 * per file, short snippets quoted from it that the reader must show (`show`), every kind of
 * noise PROVENANCE.md lists for it that must be hidden (`hide`: a snippet is "leaked" when any
 * shown paragraph holds it), and photo captions that must be classified as captions (`captions`:
 * every paragraph holding the snippet is a caption). Snippets are compared folded (NFKC, no
 * whitespace), in the file's own script. Noise the HTML extractor already drops is listed too:
 * it is noise the page has, and it must stay hidden.
 *
 * Written by reading each file and PROVENANCE.md's noise column; not derived from Pizhu's output.
 */
export interface CleaningLabels {
  show: readonly string[];
  hide: readonly string[];
  captions: readonly string[];
}

export const cleaningLabels: Readonly<Record<string, CleaningLabels>> = {
  'cn-gne-sina-2.html': {
    show: [
      '新京报快讯（记者 裴剑飞）今日（12月28日）有网友爆料',
      '中国铁路总公司通过官方微博发布辟谣消息称',
      '铁路部门提醒广大旅客，请通过铁路12306官方网站',
    ],
    hide: [
      '缩小字体',
      '放大字体',
      '只有潮水退了才知道谁在裸泳',
      '点击投票',
      '责任编辑：霍琦',
      '文章关键词',
      '热门推荐',
    ],
    captions: [],
  },
  'cn-gne-sina-5.html': {
    show: ['据港媒刚刚消息', '想感谢自己的父母一直不离不弃', '说完这些话后，陈同佳上车离开了现场'],
    hide: [
      '原标题：快讯！陈同佳刑满出狱',
      '视频-陈同佳出狱 鞠躬说“对不起”',
      '此前报道：港媒曝陈同佳出狱前首受访',
      '点击进入专题：',
      '聚焦香港局势',
      '责任编辑：吴金明',
      '举报赞',
    ],
    captions: [],
  },
  'cn-gne-ifeng-1.html': {
    show: [
      '7岁小花（化名）“眼睛被塞纸”事件，仍有许多疑问',
      '她也承认，这件事“无法用科学解释”',
      '小刚爷爷强调，并非不愿赔偿',
      '“往我眼里塞，就塞三十片，看塞进去是啥情况。”小刚爷爷说',
    ],
    hide: ['1032人参与', '308评论', '资讯 > 社会 > 正文'],
    captions: [
      '女儿的左眼被塞了不止几十块小纸片。 小花母亲供图',
      '称从小花眼睛里取出来的纸片',
      '小花家。',
      '大涧学校。',
      '事发次日小花在禹州光明医院的检查单。',
      '禹州市人民医院。',
      '小刚的作业本。',
      '小刚的爷爷称，愿用自己的眼睛做实验。',
    ],
  },
  'cn-gne-toutiao-3.html': {
    show: ['8岁儿子在四川海螺沟景区失联的第32天', '9月9日，开学已满一周，小温还没能去报到', '小温父母在等待'],
    hide: ['4060 转发', 'Qzone'],
    captions: ['小温。', '搜救现场。', '冰洞。', '小温在景区内的身影。'],
  },
  'cn-gne-njxfhn-1.html': {
    show: ['近日，广东江门警方接到一名72岁事主报警', '江门警方提示，接到自称是公安', '冯警官表示，这类冒充公检法诈骗'],
    hide: [
      '诗婷露雅化妆品',
      '返回富达，查看更多',
      '责任编辑：',
      '香港警方：8.31示威行动未发生致命事件',
      '港铁公司车务营运总监黄琨暐',
      '标签列表',
      '必威体育',
      '十博体育',
    ],
    captions: [],
  },
  'cn-gne-guancha.html': {
    show: [
      '中美贸易战正在变成一场持久战，但我们已有准备',
      '特朗普“速胜”企图已在穗莞深破产',
      '在深圳大疆、深圳海能达等企业',
    ],
    hide: [
      '分享到：',
      'A- A A+',
      '沪ICP备10213822号',
      '互联网新闻信息服务许可证',
      '违法及不良信息举报电话',
      '沪公网安备',
      '拖长贸易战使中国化被动为主动',
      '美国梦早已跌下神坛，美国能挣扎向前吗',
      '印度无人登月惨遭失败',
    ],
    captions: [],
  },
  'cn-gne-shanxi-1.html': {
    show: ['跨越千山万水，行程近两万公里', '巴西华人协会会长张伟表示', '南美站活动将先后在巴西、乌拉圭、阿根廷举行'],
    hide: [
      '切換到繁體',
      '无障碍浏览',
      '热门搜索：',
      '晋ICP备12000773号',
      '晋公网安备',
      '网站标识码',
      '打印 字体：放大 正常 缩小',
    ],
    captions: ['图为山西品牌丝路行（南美站）启动仪式。（刘通摄）'],
  },
  'cn-gerapy-chinanews-1.html': {
    show: [
      '内需包括国内的消费需求和投资需求',
      '中国是一个发展中大国，是世界第二大经济体',
      '中国正处于近代以来最好的发展时期',
    ],
    hide: ['来源：求是网参与互动', '责任编辑：陈海峰', '【编辑:陈海峰】'],
    captions: [],
  },
  'cn-gerapy-ifeng-1.html': {
    show: [
      '今年元宵节，故宫迎来了建院94年以来的首次“灯会”',
      '其实，远在明清两代，宫里的上元节就有诸多讲究',
      '七年前，58岁的单霁翔到任故宫院长',
      '游客排队上厕所，那就将一个职工食堂都改成了洗手间',
    ],
    hide: ['1938人参与', '222评论'],
    captions: [
      '故宫博物院供图',
      '图片来源：东方IC 版权作品 请勿转载',
      '图片来源：视觉中国',
      '2月18日，北京故宫午门调试灯光。中新社记者 杜洋 摄',
      '1860年的紫禁城照片。中新网记者 宋宇晟 翻摄',
      '资料图：故宫博物院院长单霁翔。中新社记者 刘关关 摄',
    ],
  },
  'cn-trafilatura-banyuetan.html': {
    show: ['益水之阳，是名益阳', '如今，50多个市直部门通力合作', '从数字经济，到数字治理，再到数字社会'],
    hide: ['热门推荐', '理论应该', '杂志图书订阅'],
    captions: ['为了上网推介、售卖家乡特产，安化县一块花生地里正录制视频 李尕 摄'],
  },
  'cn-cwced-sohu-d8d4c4ec.html': {
    show: ['2020年11月18日上午11点半', '企业并不好干。', '他觉得自己这4年多，命运就跟这件T恤正反面一样'],
    hide: ['返回搜狐，查看更多', '责任编辑：', '【编辑:刘欢】'],
    captions: [],
  },
  'cn-cwced-dahe-274a65d9.html': {
    show: [
      '年过五十，郭荣梅觉得自己的教师生涯',
      '怎样才能让学生保持良好状态，做好居家练习？',
      '为了更好地激励学生，郭荣梅每天都在和学生们',
    ],
    hide: ['第A01版：头版', '查看旧版', '版面导航', '在线荐稿', '记者博客', '联系记者'],
    captions: [],
  },
  'cn-cwced-sina-0d931936.gb2312.html': {
    show: ['人生如戏。一夜之间', '孙启勤没能像自己期望的那样', '“我现在没有钱了，怎么办呢？”'],
    hide: ['点击财富专题', 'http://www.sina.net'],
    captions: [],
  },
  'cn-cwced-sohu-33a95b71.gb18030.html': {
    show: [
      '使用4周后，肌肤年轻12年',
      '裴逸群对整个事件过程持有两点质疑',
      '据记者了解，江西工商局没有与其他地方工商局连手调查',
    ],
    hide: ['我来说两句', '我要“揪”错', '发送GP到6666 随时随地查行情', '理财：为什么有人富了', '责任编辑：魏喆'],
    captions: [],
  },
  'cn-cwced-cnr-f70d9c97.gb2312.html': {
    show: ['央广网北京2月13日消息', '《规定》共11章56条', '深入贯彻习近平强军思想'],
    hide: ['原创版权禁止商业转载', '010-56807194', '首页 > 中国之声', '编辑：李楠'],
    captions: [],
  },
  'cn-cwced-cl2000-b70f455d.gbk-invalid.html': {
    show: ['有道是历史始于5000年前文字的发明', '在原始艺术中，面具最为丰富多彩', '从已经出土的新石器时代村社遗址中'],
    hide: ['Copyright (C) 2000-2001 CL2000.com'],
    captions: [],
  },
  'cn-cwced-sina-8cb7b39d.txt': {
    show: ['汤先生夫妇二人，虽说刚三十出头', '去年房价猛涨，小两口也心痒痒了', '商务楼以住宅立项'],
    hide: ['光纤到户理想合作伙伴', '伊利液态奶销售额领先', '飞常男女 非常艳遇', '新浪分类 无限商机'],
    captions: [],
  },
  'cn-cwced-yahoo-c25d25c2.txt': {
    show: [
      '凭着一张《‘F’ Debut》，薛凯琪在香港乐坛',
      '上张专辑中，薛凯琪为自己创作了一首英文歌词',
      '在华语音乐传媒大奖的提名名单中',
    ],
    hide: ['医疗关注--前列腺新发现', '皮肤顽疾----康复圣地', '国际认证：专治口臭、溃疡', '07男人--补肾新药'],
    captions: [],
  },
  'cn-cwced-songhuajiang-3e1af229.txt': {
    show: ['土豆，听名字就“土”得掉渣', '关键是种子。', '土豆，曾经的“救命蛋”，如今的“致富薯”'],
    hide: ['（松花江网编辑 孙桂芳）'],
    captions: [],
  },
  'cn-cwced-yangtse-36efbc69.txt': {
    show: ['虎年新春后的第一个工作周', '好的营商环境就是一个城市的核心竞争力', '泰州今年“新春第一会”'],
    hide: [],
    captions: [],
  },
  'cn-clip-weixin-xinzhiyuan.md': {
    show: [
      '起猛了，人类士兵首次向「全是机器人」组成的部队投降',
      '7月9日，乌军第三独立突击旅',
      '此行动也暴露出国际人道法律的滞后',
    ],
    hide: ['继续滑动看下一个', '向上滑动看下一个', "www.w3.org/2000/svg'"],
    captions: [],
  },
  'cn-clip-weixin-qidian.md': {
    show: [
      '1948年秋，三大战役首战辽沈战役打响',
      '阿里想进，美团想停，京东想转，各有各路',
      '过去这些年，三家平台都在荒僻处开出了路',
    ],
    hide: [
      '———— / BEGIN / ————',
      '———— / E N D / ————',
      '———— / 推荐阅读 / ————',
      '想要第一时间了解行业动态',
      '和张一鸣聊过之后，我才真正学会如何做出好产品',
      '继续滑动看下一个',
      '向上滑动看下一个',
      "www.w3.org/2000/svg'",
    ],
    captions: ['▲「七鲜小厨」，体现的是京东的错位竞争打法。'],
  },
  'cn-clip-infoq-cloudflare.md': {
    show: [
      '据 Clareflare 公司 CEO Matthew Prince 所言',
      '这种价值缩水反映出零点击搜索的兴起',
      'AI 将从根本上改变 Web 商业模式',
    ],
    hide: [
      '本文字数：1862 字',
      '阅读完需：约 6 分钟',
      '大小：934.92K 时长：05:19',
      '<audio',
      '轻点一下，留下你的鼓励',
      '暂无评论',
      '联系电话：010-64738142',
      '地址：北京市朝阳区望京北路9号2幢7层A701',
      'InfoQ Jp',
    ],
    captions: [],
  },
  'tw-udn-2550596.txt': {
    show: [
      '1對日籍母女走出高雄捷運美麗島站',
      '歐任辛說，這對日本母女來台灣自由行',
      '後來參加日本交流協會所辦的日本語能力檢定',
    ],
    hide: ['分享', 'facebook'],
    captions: [
      '新興警分局巡佐歐任辛（左）自習日文時期，妻子是他的得力助手。記者林保光／翻攝',
      '高雄市新興警分局中山派出所巡佐歐任辛以流利日文，與日籍母女對話。記者林保光／翻攝',
      '新興警分局巡佐歐任辛（左二）的自習的日語派上用場，完成一次國民外交。記者林保光／翻攝',
      '新興警分局中山派出所「老巡佐」歐任辛，其實並不老。記者林保光／翻攝',
    ],
  },
  'tw-udn-2848536.txt': {
    show: ['台北市張姓男子本月25日酒後開車', '張男下車後，員警馬上發現張男全身酒味濃重', '張還是沒省到計程車車資'],
    hide: ['分享', 'facebook'],
    captions: ['張男遇臨檢直接倒車，被員警攔下。記者李承穎／翻攝'],
  },
  'tw-appledaily-realtime-1150498.txt': {
    show: ['高市方姓慣竊（61歲）遇警落跑躲暗巷', '警方說，方男犯案逾30年', '當時攔查的女警鄭鈺蓉立刻通報'],
    hide: ['字級：'],
    captions: ['鄭鈺蓉從警2年，但表現不讓鬚眉。警方提供', '方男在警力包圍下，乖乖束手就擒。翻攝畫面'],
  },
  'tw-appledaily-37698866.txt': {
    show: ['台南市議員林燕祝昨在臉書PO出', '學生家長近日向林燕祝陳情說', '校方第一時間已校安通報並內部調查'],
    hide: [],
    captions: [],
  },
  'tw-ettoday-959228.txt': {
    show: ['台北市內湖區康樂街1間鐵皮工廠日前遭竊', '孫嫌落網後供稱', '由於警方只拍到孫嫌偷取發電機'],
    hide: [],
    captions: [],
  },
  'tw-ltn-1114628.txt': {
    show: ['台中地檢署昨拍賣查扣物', '施姓行家說，車商是以收購價買車', '這輛來自愛情騙子的海神瑪莎拉蒂'],
    hide: [],
    captions: ['警方逮捕愛情詐騙集團詹嫌等成員，移送法辦。（資料照）'],
  },
  'tw-tvbs-823566.txt': {
    show: [
      '台南一對新人舉行婚宴',
      '男子背著斜背包，摸著嘴巴東張西望',
      '雖然不是錢財，但婚紗照相本對這對新人來說是無價',
    ],
    hide: [],
    captions: [],
  },
  'tw-cts-201711261901625.txt': {
    show: ['各種合法投資產品，往往會提供即時牌價', '據警方調查，汪姓毒販', '台中市刑大偵五隊，在本月21日'],
    hide: [],
    captions: [],
  },
  'tw-twnews-cna.html': {
    show: ['桃園市平鎮區一家輪胎行今天清晨發生大火'],
    hide: ['金庸', '普悠瑪', '您所瀏覽的新聞已過查詢時效'],
    captions: [],
  },
  'tw-twnews-setn.html': {
    show: ['新北市新店區中正路今（21）日下午3時許發生墜樓案件', '警方指出，高母因目睹兒子墜樓'],
    hide: ['A- A A+'],
    captions: ['▲▼警消到場時高姓男子已無生命跡象。（圖／翻攝畫面）'],
  },
  'tw-twnews-ltn.html': {
    show: ['2008年，台北市萬華區發生父親殺子', '報導指出，由於該屋有7名共有人', '從內政部實價登錄網站來看'],
    hide: ['我已年滿18歲進入', '相關新聞'],
    captions: ['下月將法拍的房子位在萬大路一帶。（圖翻攝自google map）'],
  },
  'tw-gochardet-chinatimes-home.big5.html': {
    show: [],
    hide: ['部落格', '回應最熱'],
    captions: [],
  },
  'hk-hkcnews-31076.md': {
    show: ['今年1月31日晚上，他行經旺角道及彌敦道交界', '事後阿華有見精神科醫生'],
    hide: ['{{< video', '<figure>', '請加入成為眾新聞的月費訂戶'],
    captions: [],
  },
  'hk-hkcnews-25221.md': {
    show: ['我好討厭一句話。'],
    hide: ['{{< video', '請加入成為眾新聞的月費訂戶'],
    captions: [],
  },
  'hk-hkcnews-38129.md': {
    show: ['緬甸由軍人執政多年，2011年開始民主化進程'],
    hide: ['{{< video', '<figure>', '請加入成為眾新聞的月費訂戶'],
    captions: [],
  },
  'hk-hkcnews-2976.md': {
    show: ['首屆特首選舉已是20年前的事', '上周，記協代表20多名在網媒工作的會員'],
    hide: ['{{< video', '<figure>', '請加入成為眾新聞的月費訂戶', 'original_url:'],
    captions: ['曾俊華24日落區到海怡半島造勢'],
  },
  'hk-hkcnews-48048.md': {
    show: [],
    hide: ['original_url:'],
    captions: [],
  },
};
