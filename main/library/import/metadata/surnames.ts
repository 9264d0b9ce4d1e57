/**
 * Chinese surnames, in both scripts: the common single ones (about 98% of people in mainland,
 * Taiwan and Hong Kong bear one of these) and the compound ones still in use. A credit's "name"
 * that starts with none of them is a word (记者介绍, 小记者训练营), not a person.
 */
const single = new Set(
  [
    '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于',
    '蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷',
    '侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂',
    '聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝',
    '藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇',
    '戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲',
    '虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻',
    '聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰豐支卿国國狄平计計索宣晋晉相初门門云雲容敬',
    '来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇湛宾賓戎勾茅',
    '利於居揭干但尉冶斯束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由鄺邝洪翦鄞栾黄巫苟蓝鍾',
  ].join(''),
);

const compound =
  /^(欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|司徒|夏侯|皇甫|尉迟|尉遲|公孙|公孫|慕容|令狐|端木|东方|東方|长孙|長孫|宇文|轩辕|軒轅|澹台|澹臺|西门|西門|万俟|萬俟|张简|張簡|范姜)/u;

/** Whether `name` (Han characters) begins with a Chinese surname. */
export function startsWithSurname(name: string): boolean {
  return compound.test(name) || single.has(name.charAt(0));
}
