import Foundation
@testable import DojoKit

/// Writes scenario folders into fresh temporary directories for tests.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "dojo-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/playbooks", withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
    /// A small intrinsic playbook and an anti-pattern playbook.
    static let playbook = """
    type: intrinsic
    name: {zh: 内在价值型, en: Intrinsic value}
    mode: {zh: 交易型销售, en: Transactional selling}
    summary: {zh: 看重成本, en: Cares about cost}
    tactics:
      - id: price-angle
        name: {zh: 从价格打开缺口, en: Open a gap through price}
        description: {zh: 量化节省, en: Quantify savings}
        cues: {zh: ["节约{money}"], en: ["save you {money}"]}
        model_answers: {zh: ["每年为您节约 20 万元。"], en: ["We save you $30k a year."]}
      - id: volume-offer
        name: {zh: 大批量商品, en: Offer high-volume items}
        description: {zh: 提出交易数量高的商品, en: Propose high-volume items}
        cues: {zh: ["批量"], en: ["volume"]}
        model_answers: {zh: ["五万件可以走批量价。"], en: ["At 50,000 units the volume price applies."]}

    """

    static let antiPatterns = """
    type: any
    name: {zh: 反模式, en: Anti-patterns}
    mode: {zh: 通用, en: Any type}
    summary: {zh: 任何客户都反感, en: Hurts with any buyer}
    tactics:
      - id: hard-sell
        name: {zh: 强行推销, en: Hard sell}
        description: {zh: 施压, en: Pressure}
        cues: {zh: ["今天必须签"], en: ["last chance"]}
        model_answers: {zh: ["您慢慢比较。"], en: ["Take your time to compare."]}
      - id: team-value
        name: {zh: 团队价值, en: Team value}
        description: {zh: 团队, en: Team}
        cues: {zh: ["我们的团队"], en: ["our team"]}
        model_answers: {zh: ["团队。"], en: ["Team."]}

    """

    /// A valid scenario; tests replace parts of it to provoke one diagnostic at a time.
    static let scenario = """
    id: quote-a
    title: 一周定标
    language: zh-Hans
    type: intrinsic
    difficulty: 2
    persona:
      name: 王建国
      role: 采购经理
      company: 某省制造企业
      background: 只看价格。
    meters:
      patience:
        start: 3
        min: 0
        max: 5
        on_min: left
    turns:
      - id: opening
        buyer: 把报价送过来就行了。
        expect: [price-angle]
        avoid: [hard-sell]
        branches:
          - when: score >= 70 and used(price-angle)
            effects: {patience: 1}
            goto: close
          - effects: {patience: -1}
            goto: close
      - id: close
        buyer: 最低多少？
        expect: [volume-offer]
        branches:
          - when: patience >= 3
            goto: won
          - goto: lost
    endings:
      - id: won
        kind: won
        title: 成交
        debrief: 从价格打开缺口。
      - id: lost
        kind: lost
        title: 丢单
        debrief: 量化节省。
      - id: left
        kind: left
        title: 走了
        debrief: 别浪费客户时间。

    """

    /// Loads `scenario` (as the file `s.yaml`) with the fixture playbooks.
    static func load(_ scenario: String, name: String = "s.yaml") throws -> (ScenarioLibrary, TemporaryFolder) {
        let folder = try TemporaryFolder()
        try folder.write("playbooks/intrinsic.yaml", playbook)
        try folder.write("playbooks/anti.yaml", antiPatterns)
        try folder.write(name, scenario)
        return (ScenarioLibrary.load(directory: folder.path), folder)
    }
}
