package org.proposals.proposal.search;

import java.util.List;

/** Proposals as committee members write them, on a few subjects that share vocabulary and some that do not. */
final class SampleProposals {

    record Sample(String number, String title, String content) {
    }

    static final Sample LITTLE_GIANTS = new Sample("20210031", "关于加快培育专精特新“小巨人”企业的提案", """
            专精特新“小巨人”企业是专注于细分市场、创新能力强、市场占有率高、掌握关键核心技术的中小企业。\
            目前我市国家级专精特新“小巨人”企业数量偏少，企业普遍面临融资难、融资贵，高层次人才引进难等问题。\
            建议：一是建立专精特新企业梯度培育库，分层分类给予支持；二是设立专项资金和风险补偿资金池，\
            引导银行推出“专精特新贷”；三是将企业高端技术人才纳入我市人才政策支持范围，在住房、子女入学等方面给予保障。""");

    static final Sample MANUFACTURING_DIGITAL = new Sample("20220017", "关于推进制造业数字化转型的提案", """
            数字化转型是制造业高质量发展的必由之路。当前我市制造业企业数字化水平参差不齐，\
            大量中小企业存在“不敢转、不会转、转不起”的问题。建议：一是制定制造业数字化转型行动计划，\
            打造一批智能工厂和数字化车间；二是培育工业互联网平台，为企业提供低成本的数字化解决方案；\
            三是对企业购买工业软件、上云用云给予补贴，加大专项资金支持。""");

    static final Sample WASTE_SORTING = new Sample("20210008", "关于加强城市生活垃圾分类管理的建议", """
            生活垃圾分类是城市精细化管理的重要内容。目前我市部分小区垃圾分类设施不完善，\
            居民分类投放准确率不高，混装混运现象仍然存在。建议：一是完善分类投放、收集、运输、处理体系，\
            杜绝混装混运；二是加强宣传教育，推动垃圾分类进社区、进学校；三是建立考核激励机制，\
            将垃圾分类纳入文明小区评比。""");

    static final Sample BUSINESS_ENVIRONMENT = new Sample("20220041", "关于持续优化营商环境促进民营经济发展的提案", """
            营商环境是民营经济发展的土壤。我市近年来推行“一网通办”，审批时限大幅压缩，但企业反映\
            涉企检查多、政策兑现慢、中小企业融资渠道窄等问题依然存在。建议：一是推行涉企检查“综合查一次”，\
            减少对企业正常经营的干扰；二是建立惠企政策“免申即享”机制；三是完善政府性融资担保体系。""");

    static final Sample SCHOOL_MENTAL_HEALTH = new Sample("20220052", "关于加强中小学生心理健康教育的建议", """
            近年来中小学生心理问题呈上升趋势，学业压力、家庭关系和网络沉迷是主要诱因。\
            目前我市中小学心理健康教师配备不足，部分学校心理辅导室形同虚设。建议：一是按师生比配齐专职心理教师；\
            二是建立学生心理健康筛查和危机干预机制；三是加强家校协同，开展家长心理健康讲座。""");

    static final Sample INDUSTRIAL_INTERNET = new Sample("20220063", "关于加快5G+工业互联网融合应用的建议", """
            5G与工业互联网融合是制造业数字化转型的重要抓手。建议加快5G基站在工业园区的覆盖，\
            支持龙头企业建设5G全连接工厂，推动工业互联网平台向中小企业开放，降低企业数字化改造成本。""");

    /** Earlier proposals, as the database would hold them. */
    static final List<Sample> EARLIER = List.of(LITTLE_GIANTS, MANUFACTURING_DIGITAL, WASTE_SORTING,
            BUSINESS_ENVIRONMENT, SCHOOL_MENTAL_HEALTH, INDUSTRIAL_INTERNET);

    static final Sample NEW_LITTLE_GIANTS = new Sample("20230012", "关于支持专精特新中小企业高质量发展的建议", """
            专精特新中小企业是我市产业链供应链稳定的重要支撑。近年来，我市“小巨人”企业数量逐年增加，\
            但企业在融资、人才、市场开拓等方面仍有困难。建议：一是扩大知识产权质押融资和信用贷款规模，\
            缓解专精特新企业融资难题；二是加强人才服务，支持企业引进和培养技术骨干；\
            三是支持“小巨人”企业参与政府采购和产业链配套。""");

    static final Sample NEW_SME_DIGITAL = new Sample("20230027", "关于加快推进中小企业数字化转型的提案", """
            中小企业是数字化转型的难点。许多中小企业缺资金、缺人才、缺技术，对数字化转型望而却步。\
            建议：一是搭建中小企业数字化转型公共服务平台，遴选一批服务商提供“小快轻准”的解决方案；\
            二是设立数字化转型专项资金，对中小企业上云用云给予补贴；\
            三是推动龙头企业带动产业链上下游中小企业协同转型。""");

    private SampleProposals() {
    }
}
