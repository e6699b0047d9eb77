import Testing
@testable import DojoKit

@Suite("Drill")
struct DrillTests {
    let set = Shipped.library.drills.first { $0.language == .simplifiedChinese }

    @Test("answers: a type first, then an optional reason", arguments: [
        ("1", ValueType.intrinsic, ""),
        ("内 他只看价格", .intrinsic, "他只看价格"),
        ("外在价值型，因为要安装指导", .extrinsic, "因为要安装指导"),
        ("戰略：雙方高層", .strategic, "雙方高層"),
        ("s both CEOs meet", .strategic, "both CEOs meet"),
        ("Extrinsic - wants training", .extrinsic, "wants training"),
    ])
    func parse(_ text: String, _ type: ValueType, _ rest: String) throws {
        let parsed = try #require(ValueType.parsePrefix(text))
        #expect(parsed.type == type)
        #expect(parsed.rest == rest)
    }

    @Test("not a type", arguments: ["interested", "4", "价格", ""])
    func notAType(_ text: String) {
        #expect(ValueType.parsePrefix(text) == nil)
    }

    @Test("the shipped drill sets: ≥ 30 statements per language, every type, the seed's customers A, B and C")
    func shipped() throws {
        #expect(Shipped.library.drills.count >= 2)
        for drill in Shipped.library.drills {
            #expect(drill.items.count >= 30)
            for type in ValueType.allCases { #expect(drill.items.filter { $0.type == type }.count >= 10) }
            for id in ["seed-customer-a", "seed-customer-b", "seed-customer-c"] { #expect(drill.items.contains { $0.id == id }) }
        }
    }

    @Test("seeded order, count, scoring, reasons and the confusion table")
    func session() throws {
        let set = try #require(set)
        let a = DrillSession(set: set, catalog: Shipped.library.catalog, seed: 9, count: 6)
        let b = DrillSession(set: set, catalog: Shipped.library.catalog, seed: 9, count: 6)
        let c = DrillSession(set: set, catalog: Shipped.library.catalog, seed: 10, count: 6)
        #expect(a.items == b.items)
        #expect(a.items != c.items)
        #expect(a.items.count == 6)
        var session = a
        for item in a.items {
            let number = ValueType.allCases.firstIndex(of: item.type).map { $0 + 1 } ?? 0
            let reason: String
            switch item.type {
            case .intrinsic: reason = "只看价格，要最低报价"
            case .extrinsic: reason = "需要安装和保养的指导"
            case .strategic: reason = "双方高层要合作，资源互补"
            }
            session.answer("\(number) \(reason)")
        }
        #expect(session.finished)
        #expect(session.correctCount == 6)
        #expect(session.answers.allSatisfy { $0.reasonFits == true })
        #expect(session.confusion.map { $0.reduce(0, +) }.reduce(0, +) == 6)
        var wrong = b
        let first = try #require(wrong.current)
        let other = ValueType.allCases.first { $0 != first.type } ?? .intrinsic
        let recorded = wrong.answer(other.rawValue + " 看价格")
        let answer = try #require(recorded)
        #expect(!answer.correct)
        #expect(wrong.confusion[first.type.ordinal][other.ordinal] == 1)
    }
}
