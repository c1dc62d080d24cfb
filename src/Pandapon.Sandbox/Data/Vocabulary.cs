namespace Pandapon.Sandbox.Data;

/// <summary>The words the generator draws from: what 1688 after-sales records say, in Chinese.</summary>
internal static class Vocabulary
{
    public sealed record Reason(long Id, string Name, bool NeedVoucher, string[] SubReasons);

    // Refund only, goods not received (in-sale).
    public static readonly Reason[] NotReceivedReasons =
    [
        new(20001, "未按约定时间发货", false, []),
        new(20002, "卖家缺货", false, []),
        new(20003, "协商一致退款", false, []),
        new(20004, "拍错/多拍/不想要", false, []),
        new(20005, "快递一直未送达", false, ["物流长时间未更新", "显示签收但未收到"]),
    ];

    // Refund only, goods received.
    public static readonly Reason[] ReceivedReasons =
    [
        new(20011, "少件/漏发", true, ["整件漏发", "配件缺失"]),
        new(20012, "商品破损/污渍", true, ["外包装破损", "商品本身破损"]),
        new(20013, "协商一致退款", false, []),
        new(20014, "质量问题", true, ["做工粗糙/有瑕疵", "功能故障", "材质与描述不符"]),
    ];

    // Return and refund.
    public static readonly Reason[] ReturnReasons =
    [
        new(20021, "颜色/图案/款式不符", true, []),
        new(20022, "尺寸/规格不符", true, []),
        new(20023, "质量问题", true, ["做工粗糙/有瑕疵", "功能故障", "材质与描述不符"]),
        new(20024, "卖家发错货", true, []),
        new(20025, "商品破损/污渍", true, ["外包装破损", "商品本身破损"]),
        new(20026, "7天无理由退货", false, []),
    ];

    // Why a seller refuses, by what the buyer asked for.
    public static readonly (long Id, string Text)[] NotReceivedRejects =
    [
        (30002, "商品已发出，请拒收或收货后再申请"),
        (30003, "退款金额与协商不一致"),
        (30005, "已与买家协商补发，无需退款"),
    ];

    public static readonly (long Id, string Text)[] ReceivedRejects =
    [
        (30001, "买家提供的凭证无法证明商品问题"),
        (30003, "退款金额与协商不一致"),
        (30005, "已与买家协商补发，无需退款"),
    ];

    public static readonly (long Id, string Text)[] ReturnRejects =
    [
        (30001, "买家提供的凭证无法证明商品问题"),
        (30004, "商品无质量问题，不支持退货"),
        (30003, "退款金额与协商不一致"),
    ];

    public static readonly (long Id, string Name, string No, string? Phone)[] LogisticsCompanies =
    [
        (1, "中通快递", "ZTO", "95311"),
        (2, "圆通速递", "YTO", "95554"),
        (3, "韵达快递", "YUNDA", "95546"),
        (4, "申通快递", "STO", "95543"),
        (5, "顺丰速运", "SF", "95338"),
        (6, "极兔速递", "JTSD", "956025"),
        (7, "邮政快递包裹", "YZXB", "11183"),
        (8, "德邦快递", "DBKD", "95353"),
        (-1, "其他", "OTHER", null),
    ];

    public static readonly string[] ProductPrefixes = ["", "", "2025新款", "跨境热卖", "工厂直销", "爆款", "夏季新品", "秋冬新款", "源头厂家"];
    public static readonly string[] ProductStyles = ["", "", "ins风", "简约", "韩版", "北欧风", "日式", "复古", "卡通"];
    public static readonly string[] ProductItems =
    [
        "陶瓷马克杯", "不锈钢保温杯", "纯棉短袖T恤", "冰丝防晒袖套", "懒人手机支架", "快充数据线", "桌面收纳盒",
        "儿童双肩书包", "无线蓝牙耳机", "加厚瑜伽垫", "宠物牵引绳", "硅胶厨房铲", "真空压缩袋", "LED小夜灯",
        "帆布托特包", "运动速干袜", "汽车香薰摆件", "折叠晾衣架", "珊瑚绒毛毯", "玻璃密封罐", "木质衣架",
        "发夹抓夹", "防水手机袋", "家用电动牙刷", "儿童积木玩具", "304不锈钢餐具套装", "车载手机充电器",
    ];
    public static readonly string[] ProductSuffixes = ["", "", "批发", "一件代发", "厂家直供", "现货速发", "跨境专供"];

    public static readonly (string Province, string City, string District, string AreaCode)[] Places =
    [
        ("浙江省", "金华市", "义乌市", "0579"),
        ("浙江省", "杭州市", "萧山区", "0571"),
        ("浙江省", "温州市", "瑞安市", "0577"),
        ("浙江省", "台州市", "黄岩区", "0576"),
        ("广东省", "广州市", "白云区", "020"),
        ("广东省", "深圳市", "龙岗区", "0755"),
        ("广东省", "东莞市", "虎门镇", "0769"),
        ("广东省", "汕头市", "澄海区", "0754"),
        ("福建省", "泉州市", "晋江市", "0595"),
        ("江苏省", "苏州市", "常熟市", "0512"),
        ("山东省", "临沂市", "兰山区", "0539"),
        ("河北省", "保定市", "白沟新城", "0312"),
    ];

    public static readonly string[] StreetNames = ["福田街道", "稠城街道", "江东路", "工业园区", "创业大道", "商贸城", "新华路", "永兴南路"];
    public static readonly string[] CompanyWords = ["恒远", "鑫盛", "佳美", "华宇", "宏达", "优品", "星辰", "锦绣", "瑞丰", "晨光", "博雅", "万家"];
    public static readonly string[] CompanyKinds = ["贸易有限公司", "日用品厂", "电子商务有限公司", "工艺品厂", "服饰商行", "家居用品有限公司"];
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林"];
    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "晓东", "海燕"];

    public static readonly string[] NotReceivedExplanations = ["等了很久一直没发货", "客户不要了，申请退款", "和卖家沟通过了，同意退款", ""];
    public static readonly string[] ReceivedExplanations = ["收到货发现问题，麻烦处理一下", "图片已上传，请核实", "和卖家沟通过了，同意退款", ""];
    public static readonly string[] ReturnExplanations = ["尺码偏小，申请退货", "收到货发现问题，麻烦处理一下", "图片已上传，请核实", ""];

    public static readonly string[] MobilePrefixes = ["133", "135", "136", "138", "139", "150", "151", "152", "158", "159", "177", "180", "186", "187", "188", "189", "198", "199"];

    public static readonly string[] Remarks = ["客户要求退款", "已与卖家旺旺沟通", "财务已核对", "跟进中"];
}
