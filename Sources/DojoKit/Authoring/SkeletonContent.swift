/// The words of a `dojo new` skeleton for one value type and language: a small, realistic dialogue whose
/// model answers score at or above the pass mark with the shipped playbooks (checked by the tests).
struct SkeletonContent: Sendable {
    var title: String
    /// name, role, company, background
    var persona: [String]
    var opening: String
    var openingHint: String
    var openingAnswer: String
    var tacticA: String
    var tacticB: String
    var avoid: String
    var reactionA: String
    var reactionB: String
    var reactionWeak: String
    /// The opening reply that takes route B: uses tactic B but not tactic A.
    var replyB: String
    var turnA: String
    var lineA: String
    var expectA: String
    var hintA: String
    var answerA: String
    var turnB: String
    var lineB: String
    var expectB: String
    var hintB: String
    var answerB: String
    var lineClose: String
    var expectClose: String
    var hintClose: String
    var answerClose: String
    var wonEnding: String
    var wonTitle: String
    var wonDebrief: String
    var lostEnding: String
    var lostTitle: String
    var lostDebrief: String
    var nonAnswer: String

    static func `for`(_ type: ValueType, english: Bool) -> SkeletonContent {
        switch (type, english) {
        case (.intrinsic, true): intrinsicEnglish
        case (.intrinsic, false): intrinsicChinese
        case (.extrinsic, true): extrinsicEnglish
        case (.extrinsic, false): extrinsicChinese
        case (.strategic, true): strategicEnglish
        case (.strategic, false): strategicChinese
        }
    }

    static let intrinsicEnglish = SkeletonContent(
        title: "Just Send the Quote: 20,000 Tubes",
        persona: ["Li Ming", "Purchasing Manager", "Eastern Valve Co.",
                  "Li Ming knows the product and its market price. He holds three quotes, wants no visits and will pick the lowest price within a week."],
        opening: "Just send me your quote. Whoever has the lowest price gets the order.",
        openingHint: "Go along with fewer sales steps, then open a gap on price with one savings figure he can check.",
        openingAnswer: "At 20,000 units our delivered price saves your company CNY 60,000 a year against the quotes you hold. I'll list the unit price and the total in the quote so you can check it yourself.",
        tacticA: "price-angle", tacticB: "cut-sales-cost", avoid: "hard-sell, team-value",
        reactionA: "A figure I can check. Go on.",
        reactionB: "No visits suits me. But is the price any good?",
        reactionWeak: "Get to the point. Price.",
        replyB: "No visit needed. I'll email the quote this afternoon, and from then on you order online, with no rep running back and forth.",
        turnA: "savings",
        lineA: "Your figure had better be real. How do you get there?",
        expectA: "price-angle, volume-offer",
        hintA: "Show where the saving comes from: volume, one spec, full production runs.",
        answerA: "For 20,000 units in one spec we schedule full production runs and quote CNY 38.60 a piece, 4% below our standard batch price, which saves your company CNY 31,000 on this order.",
        turnB: "no-visit",
        lineB: "Fine, no visits. But is your price any good?",
        expectB: "price-angle, cut-sales-cost",
        hintB: "Turn the sales steps you save into a price he can compare.",
        answerB: "It is. The visits we save come straight off the price: our quote is CNY 1.20 a piece below a standard quote, which saves your company CNY 24,000 on this order.",
        lineClose: "Last question: why should I pick you over the cheapest?",
        expectClose: "price-angle, differentiation-barrier",
        hintClose: "Total cost, plus one barrier the cheapest cannot clear.",
        answerClose: "Because your total cost is lower: CNY 38.60 a piece delivered saves you CNY 60,000 against the lowest quote you hold, and we are IATF 16949 certified, a threshold small mills cannot clear.",
        wonEnding: "deal-won", wonTitle: "Order placed",
        wonDebrief: "You kept the sales steps short and gave checkable savings figures: that is how an intrinsic buyer is won.",
        lostEnding: "deal-lost", lostTitle: "Another supplier",
        lostDebrief: "Without a savings figure he could check, your quote was one price among four. Quantify the saving early.",
        nonAnswer: "OK, we'll think about it.")

    static let intrinsicChinese = SkeletonContent(
        title: "只要报价：两万支钢管",
        persona: ["李明", "采购经理", "东方阀门有限公司", "李明熟悉产品和市场价，手上已有三家报价，不想见销售，一周内选最低价。"],
        opening: "把报价发过来就行，谁家价格低就用谁家的。",
        openingHint: "顺着客户减少销售环节的意愿，再用一个客户能核对的节约数字从价格打开缺口。",
        openingAnswer: "按两万件算，我们的到厂价比您手上的报价每支低 3 元，每年能为贵公司节约 6 万元。报价单里单价和总价分开列，您可以自己核对。",
        tacticA: "price-angle", tacticB: "cut-sales-cost", avoid: "hard-sell, team-value",
        reactionA: "有数字我能核对。接着说。",
        reactionB: "不用见面正合我意。价格怎么样？",
        reactionWeak: "说重点，价格。",
        replyB: "不用见面。今天下午我把报价单发到您邮箱，以后直接网上下单，不用销售来回跑。",
        turnA: "savings",
        lineA: "你这个数字最好是真的。怎么算出来的？",
        expectA: "price-angle, volume-offer",
        hintA: "说清节约从哪里来：批量、同一规格、整批排产。",
        answerA: "两万件同一规格，我们可以整炉整批排产，报 38.6 元一支，比标准批量价低 4%，这一单就为贵公司节约 3.1 万元。",
        turnB: "no-visit",
        lineB: "好，不用见面。可你们价格实在吗？",
        expectB: "price-angle, cut-sales-cost",
        hintB: "把省下的销售环节变成客户能比较的价格。",
        answerB: "实在。省下的拜访费用直接让到价格里：每支比常规报价低 1.2 元，这一单为贵公司节约 2.4 万元。",
        lineClose: "最后一个问题：我为什么不选最便宜的那家？",
        expectClose: "price-angle, differentiation-barrier",
        hintClose: "讲总成本，再加一个最便宜的那家过不了的门槛。",
        answerClose: "因为总成本更低：到厂价 38.6 元一支，比您手上最低的报价还为贵公司节约 6 万元；而且我们通过了 IATF 16949 认证，这是小厂过不了的门槛。",
        wonEnding: "deal-won", wonTitle: "下单",
        wonDebrief: "你减少了销售环节，又给出客户能核对的节约数字：内在价值型客户就是这样拿下的。",
        lostEnding: "deal-lost", lostTitle: "选了别家",
        lostDebrief: "没有客户能核对的节约数字，你的报价只是四家里的一个价格。尽早把节约量化。",
        nonAnswer: "好的，我们考虑一下。")

    static let extrinsicEnglish = SkeletonContent(
        title: "A New Line, No Specification Yet",
        persona: ["Chen Jing", "Production Director", "Northern Packaging Group",
                  "Chen Jing is buying a new packaging line this year. The team has no one who has specified such a line before, and the last supplier left after installation."],
        opening: "We're buying a new line this year, but honestly we don't know what specification to write.",
        openingHint: "Help before the specification is fixed: educate early, or first find out how the line will be used.",
        openingAnswer: "Before you fix the specification, let us run a half-day workshop for your engineers on the options, so the spec you write fits how you will really use the line; may I first ask what has gone wrong with your current equipment?",
        tacticA: "early-education", tacticB: "needs-diagnosis", avoid: "hard-sell, price-angle",
        reactionA: "A workshop would help. Who would run it?",
        reactionB: "Good questions. Someone should look at it properly.",
        reactionWeak: "That doesn't help me write the specification.",
        replyB: "Can I ask how the line will be used day to day: what volumes, which operators, and what has gone wrong with the current equipment?",
        turnA: "workshop",
        lineA: "Who would run the workshop, and what happens after we sign?",
        expectA: "team-value, service-guidance",
        hintA: "Show the team and the service that come with the product.",
        answerA: "Our project team of a process engineer, an installer and a service lead would run it, and the same team would install the line, train your operators and come back for maintenance visits.",
        turnB: "site-visit",
        lineB: "Those are the right questions. How would you find the answers?",
        expectB: "team-value, service-guidance",
        hintB: "Offer the team on site, and what they do after the sale.",
        answerB: "Our project team will come on site and work with your people: a process engineer measures your current line, an installer plans the changeover with your supervisors, and a service lead trains your operators and handles maintenance afterwards.",
        lineClose: "Our last supplier disappeared after installation. Why would you be different?",
        expectClose: "service-guidance, team-value",
        hintClose: "Be concrete about service after the sale and who is responsible.",
        answerClose: "Our project team stays with you after the sale: installation, operator training and a maintenance visit every quarter, and one person you can call when anything goes wrong.",
        wonEnding: "partner-chosen", wonTitle: "Chosen supplier",
        wonDebrief: "You helped before the specification was fixed and showed the team behind the product: that is how an extrinsic buyer is won.",
        lostEnding: "not-shortlisted", lostTitle: "Not shortlisted",
        lostDebrief: "An extrinsic buyer wants help using the product. Educate early and show the team and service.",
        nonAnswer: "OK, we'll think about it.")

    static let extrinsicChinese = SkeletonContent(
        title: "新产线，规格还没定",
        persona: ["陈静", "生产总监", "北方包装集团", "陈静今年要采购一条新包装线。团队里没人做过这种产线的规格，上一家供应商装完设备就不见了。"],
        opening: "我们今年要上一条新线，说实话，规格都不知道该怎么写。",
        openingHint: "在规格定下来之前帮忙：尽早培训客户，或者先弄清产线怎么用。",
        openingAnswer: "在您定规格之前，我们可以给贵公司工程师办半天的技术研讨会，讲清各种方案，让规格真正贴合您的使用方式。也想先请教一下：现有设备出过哪些问题？",
        tacticA: "early-education", tacticB: "needs-diagnosis", avoid: "hard-sell, price-angle",
        reactionA: "办个研讨会有帮助。谁来讲？",
        reactionB: "问得对。是该好好看一看。",
        reactionWeak: "这对我写规格没有帮助。",
        replyB: "想先请教一下：这条线日常怎么用？产量多少、谁来操作、现有设备出过哪些问题？",
        turnA: "workshop",
        lineA: "研讨会谁来讲？签了合同以后呢？",
        expectA: "team-value, service-guidance",
        hintA: "讲清产品背后的团队和服务。",
        answerA: "由我们的项目团队来办：工艺工程师、安装工程师和售后负责人，之后也是同一个团队来安装、培训操作工、定期上门保养。",
        turnB: "site-visit",
        lineB: "这些问题问得对。你们打算怎么弄清楚？",
        expectB: "team-value, service-guidance",
        hintB: "让团队上门，并讲清售后做什么。",
        answerB: "那我们的项目团队上门来看：工艺工程师测量现有产线，安装工程师规划换线，售后负责人培训操作工，之后负责保养。",
        lineClose: "上一家装完就不见了。你们凭什么不一样？",
        expectClose: "service-guidance, team-value",
        hintClose: "具体说售后服务和负责人。",
        answerClose: "我们的项目团队售后一直跟着您：安装、操作培训、每季度一次上门保养，出任何问题都有专人负责。",
        wonEnding: "partner-chosen", wonTitle: "选定供应商",
        wonDebrief: "你在规格确定前就提供帮助，并展示了产品背后的团队：外在价值型客户就是这样赢得的。",
        lostEnding: "not-shortlisted", lostTitle: "没进短名单",
        lostDebrief: "外在价值型客户需要的是用好产品的帮助。尽早培训客户，展示团队和服务。",
        nonAnswer: "好的，我们考虑一下。")

    static let strategicEnglish = SkeletonContent(
        title: "A Partner, Not a Vendor",
        persona: ["Zhao Wei", "Vice President, Supply Chain", "Horizon Motors",
                  "Horizon Motors is outsourcing parts to focus on vehicle assembly. Zhao Wei looks for partners with complementary resources, coordinated at the top."],
        opening: "We're outsourcing parts to focus on our core. We need a partner, not a vendor.",
        openingHint: "Speak to mutual value: what each side brings and how both gain; or bring the executives together.",
        openingAnswer: "Then let's look at what each side brings: you focus on vehicle assembly, we take over the parts and invest in the tooling, and both companies gain. A partnership this size needs our executives at the table too: I'd like our general manager to meet yours.",
        tacticA: "mutual-value", tacticB: "executive-alignment", avoid: "hard-sell, premature-discount",
        reactionA: "That is the conversation I want. What would you propose?",
        reactionB: "Our executives should meet, yes. Who would lead it on your side?",
        reactionWeak: "That sounds like a vendor talking.",
        replyB: "A partnership this size needs our executives at the table: I'd like to arrange a meeting between our general manager and yours to agree the cooperation plan.",
        turnA: "joint-plan",
        lineA: "What would you propose beyond the parts we listed?",
        expectA: "beyond-plan-proposal, resource-sharing",
        hintA: "Propose beyond their plan and offer resources.",
        answerA: "Beyond the parts in your plan, we propose to develop the next-generation module with you: our R&D team and test facilities are at your disposal, and we share the risk and the gain as equal partners.",
        turnB: "executives",
        lineB: "Who would lead it on your side, and how would we work together?",
        expectB: "executive-alignment, equal-partnership",
        hintB: "Name the executive and the joint way of working, as equals.",
        answerB: "Our general manager will lead it personally, with a steering group of executives from both companies meeting every quarter; we share the risk and the gain as equal partners.",
        lineClose: "What would you commit to this partnership?",
        expectClose: "mutual-value, resource-sharing",
        hintClose: "Commit resources and say how both sides grow.",
        answerClose: "We commit our R&D team, our test facilities and a dedicated plant line to this partnership, as equal partners sharing the risk and the gain, so both companies grow together.",
        wonEnding: "partnership", wonTitle: "Strategic partnership",
        wonDebrief: "You spoke of mutual value and committed resources as an equal partner: that is how a strategic buyer is won.",
        lostEnding: "vendor-list", lostTitle: "Back on the vendor list",
        lostDebrief: "A strategic buyer wants a partner. Speak of mutual value, resources and executive coordination.",
        nonAnswer: "OK, we'll think about it.")

    static let strategicChinese = SkeletonContent(
        title: "要的是伙伴，不是供应商",
        persona: ["赵伟", "供应链副总裁", "远景汽车", "远景汽车把零部件外包出去，专注整车装配。赵伟要找资源互补、高层协调的合作伙伴。"],
        opening: "我们把零部件外包，是为了专注核心业务。我们要的是伙伴，不是供应商。",
        openingHint: "讲双方价值：各自带来什么、双方怎么受益；或者促成双方高层会面。",
        openingAnswer: "那我们看看双方各自能带来什么：贵公司专注整车，我们承接零部件并投入模具，双方都受益。这么大的合作也需要双方高层坐下来，我想安排我们总经理和贵公司领导见面。",
        tacticA: "mutual-value", tacticB: "executive-alignment", avoid: "hard-sell, premature-discount",
        reactionA: "这正是我想谈的。你们有什么提议？",
        reactionB: "双方高层是该见一面。你们谁来牵头？",
        reactionWeak: "听起来还是供应商的口气。",
        replyB: "这么大的合作需要双方高层坐下来：我想安排我们总经理和贵公司领导见面，一起商定合作规划。",
        turnA: "joint-plan",
        lineA: "除了我们列的零部件，你们还能提出什么？",
        expectA: "beyond-plan-proposal, resource-sharing",
        hintA: "提出超出对方规划的方案，并投入资源。",
        answerA: "除了您规划里的零部件，我们还建议共同开发下一代模块。我们愿意把研发团队、试验设施和一条专线投入进来，这些资源都向贵公司开放，双方共担风险、共享收益。",
        turnB: "executives",
        lineB: "你们谁来牵头？双方怎么一起工作？",
        expectB: "executive-alignment, equal-partnership",
        hintB: "说出牵头的高层和平等的协作方式。",
        answerB: "我们总经理会亲自牵头，由双方高层组成指导小组每季度碰头；作为平等伙伴共担风险、共享收益。",
        lineClose: "你们愿意为这次合作投入什么？",
        expectClose: "mutual-value, resource-sharing",
        hintClose: "承诺资源，说清双方怎么一起成长。",
        answerClose: "我们为这次合作投入研发团队、试验设施和一条专线，作为平等伙伴共担风险、共享收益，让双方一起成长。",
        wonEnding: "partnership", wonTitle: "战略合作",
        wonDebrief: "你讲双方价值，并以平等伙伴的身份投入资源：战略价值型客户就是这样赢得的。",
        lostEnding: "vendor-list", lostTitle: "回到供应商名单",
        lostDebrief: "战略价值型客户要的是伙伴。讲双方价值、资源投入和高层协调。",
        nonAnswer: "好的，我们考虑一下。")
}
