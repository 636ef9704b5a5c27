// Field paths, apply, diff and the three-way merge of sync-design §5, including a seeded diff/apply property.
#include "SyncTestData.h"

#include "sync/BodyMerge.h"
#include "sync/FieldPath.h"
#include "sync/FieldSet.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace dantoc;
using namespace dantoc::sync;
using namespace dantoc::sync::test;

namespace {

FieldPath path(const std::string& text)
{
    auto p = FieldPath::parse(text);
    REQUIRE_MESSAGE(p.isOk(), p.status().toString());
    return *p;
}

Json row(const std::string& id, Json columns)
{
    columns["_id"] = id;
    return columns;
}

MergeResult merge(const Json& server, const FieldSet& set)
{
    auto r = mergeEdit(server, set);
    REQUIRE_MESSAGE(r.isOk(), r.status().toString());
    return *r;
}

const std::string kR1 = "r1";
const std::string kR2 = "r2";
const std::string kR3 = "r3";

Json baseBody()
{
    return Json{{"village", "Bản Mần"},
                {"households_total", 376},
                {"households_poor", 88},
                {"members", Json::array({row(kR1, {{"name", "Lò Văn A"}, {"age", 30}}),
                                         row(kR2, {{"name", "Lò Thị B"}, {"age", 28}})})}};
}

}  // namespace

TEST_CASE("field paths parse, print canonically and reject index addressing")
{
    CHECK(path("households_total").segments().size() == 1);
    CHECK_FALSE(path("households_total").addressesRow());
    const FieldPath p = path("members[" + kRow1 + "].kids[k-1].age");
    REQUIRE(p.segments().size() == 3);
    CHECK(*p.segments()[0].rowId == kRow1);
    CHECK(p.toString() == "members[" + kRow1 + "].kids[k-1].age");
    CHECK(path("members[r1]").addressesRow());
    CHECK(path("members").contains(path("members[r1].age")));
    CHECK(path("members[r1]").contains(path("members[r1].age")));
    CHECK_FALSE(path("members[r1]").contains(path("members[r2].age")));
    CHECK_FALSE(path("members[r1].age").contains(path("members[r1]")));
    for (const char* bad : {"", "1abc", "a.b", "a[]", "a[x", "a[x]b", "a[x].", "a[x y]", "a[x]._id", "_id", "a..b",
                            "a[x][y]", "á"}) {
        CAPTURE(bad);
        CHECK_FALSE(FieldPath::parse(bad).isOk());
    }
    CHECK_FALSE(FieldPath::parse(std::string(300, 'a')).isOk());
}

TEST_CASE("merge: S = B takes the client's value")
{
    const MergeResult r = merge(baseBody(), {{"households_total", {Json(376), Json(380)}}});
    CHECK(r.clean());
    CHECK(r.applied == std::vector<std::string>{"households_total"});
    CHECK(r.body["households_total"] == 380);
}

TEST_CASE("merge: C = S and C = B change nothing")
{
    Json server = baseBody();
    server["households_total"] = 380;  // someone else already made the same change
    MergeResult r = merge(server, {{"households_total", {Json(376), Json(380)}}});
    CHECK(r.clean());
    CHECK(r.unchanged == std::vector<std::string>{"households_total"});
    CHECK(r.serverChanged == std::vector<std::string>{"households_total"});
    CHECK(r.body == server);

    r = merge(server, {{"households_total", {Json(376), Json(376)}}});  // C = B (built in code; never on the wire)
    CHECK(r.clean());
    CHECK(r.body == server);
}

TEST_CASE("merge: S, B and C all different is a field conflict and S stays")
{
    Json server = baseBody();
    server["households_poor"] = 90;
    const MergeResult r =
        merge(server, {{"households_poor", {Json(88), Json(85)}}, {"households_total", {Json(376), Json(377)}}});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0] == FieldConflict{"households_poor", Json(88), Json(90), Json(85)});
    CHECK(r.conflicts[0].toJson() == Json{{"path", "households_poor"}, {"base", 88}, {"server", 90}, {"client", 85}});
    CHECK(r.body["households_poor"] == 90);
    CHECK(r.body["households_total"] == 377);  // the non-conflicting change still applies
    CHECK(r.serverChanged == std::vector<std::string>{"households_poor"});
    CHECK(r.applied == std::vector<std::string>{"households_total"});
}

TEST_CASE("merge: a cleared field (null new value) removes it; absent equals null")
{
    MergeResult r = merge(baseBody(), {{"village", {Json("Bản Mần"), Json()}}});
    CHECK(r.clean());
    CHECK_FALSE(r.body.contains("village"));
    r = merge(baseBody(), {{"new_field", {Json(), Json(5)}}});
    CHECK(r.clean());
    CHECK(r.body["new_field"] == 5);
}

TEST_CASE("merge: roster rows are added, removed and edited by id")
{
    const Json base = baseBody();
    const Json newRow = row(kR3, {{"name", "Giàng A Páo"}, {"age", 2}});
    MergeResult r = merge(base, {{"members[r3]", {Json(), newRow}}});
    CHECK(r.clean());
    REQUIRE(r.body["members"].size() == 3);
    CHECK(r.body["members"][2] == newRow);

    r = merge(base, {{"members[r1]", {base["members"][0], Json()}}});
    CHECK(r.clean());
    REQUIRE(r.body["members"].size() == 1);
    CHECK(r.body["members"][0]["_id"] == kR2);

    r = merge(base, {{"members[r2].age", {Json(28), Json(29)}}});
    CHECK(r.clean());
    CHECK(r.body["members"][1]["age"] == 29);
    CHECK(r.body["members"][0] == base["members"][0]);
}

TEST_CASE("merge: concurrent edits of different rows and columns merge cleanly")
{
    const Json base = baseBody();
    Json server = base;  // another device: r1's age, a new row r3, and a top-level field
    server["members"][0]["age"] = 31;
    server["members"].push_back(row(kR3, {{"name", "Giàng A Páo"}}));
    server["households_total"] = 377;

    // This device: r1's name (same row, other column), r2's age, a new row r4, another top-level field.
    Json client = base;
    client["members"][0]["name"] = "Lò Văn Anh";
    client["members"][1]["age"] = 29;
    client["members"].push_back(row("r4", {{"name", "Sùng Thị Mỷ"}}));
    client["households_poor"] = 87;
    auto set = diffBodies(base, client);
    REQUIRE(set.isOk());
    CHECK(set->size() == 4);

    const MergeResult r = merge(server, *set);
    CHECK(r.clean());
    CHECK(r.applied.size() == 4);
    Json expected = server;
    expected["members"][0]["name"] = "Lò Văn Anh";
    expected["members"][1]["age"] = 29;
    expected["members"].push_back(row("r4", {{"name", "Sùng Thị Mỷ"}}));
    expected["households_poor"] = 87;
    CHECK(r.body == expected);
}

TEST_CASE("merge: no deletes-win and no edit into a removed row")
{
    const Json base = baseBody();
    Json serverEdited = base;
    serverEdited["members"][0]["age"] = 31;
    MergeResult r = merge(serverEdited, {{"members[r1]", {base["members"][0], Json()}}});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].path == "members[r1]");
    Json editedRow = serverEdited["members"][0];
    editedRow.erase("_id");  // rows in sets and conflicts travel without "_id": the path names the row
    CHECK(r.conflicts[0].server == editedRow);
    CHECK(r.body == serverEdited);  // the row stays

    Json serverRemoved = base;
    serverRemoved["members"].erase(0);
    r = merge(serverRemoved, {{"members[r1].age", {Json(30), Json(31)}}});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].server.is_null());
    CHECK(r.body == serverRemoved);

    // A column the client fills for the first time (B = null) in a row the server removed: S = B = null, but
    // there is nowhere to write; a conflict, not a resurrected row.
    r = merge(serverRemoved, {{"members[r1].phone", {Json(), Json("0912")}}});
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.body == serverRemoved);

    // Clearing a column of a removed row: C = S = null, nothing to do.
    r = merge(serverRemoved, {{"members[r1].age", {Json(30), Json()}}});
    CHECK(r.clean());
    CHECK(r.unchanged.size() == 1);

    // Both devices added the same row id with different content.
    Json serverAdded = base;
    serverAdded["members"].push_back(row(kR3, {{"age", 1}}));
    r = merge(serverAdded, {{"members[r3]", {Json(), row(kR3, {{"age", 2}})}}});
    CHECK(r.conflicts.size() == 1);
}

TEST_CASE("merge and apply report shape errors instead of guessing")
{
    const Json base = baseBody();
    CHECK_FALSE(mergeEdit(base, {{"households_total[x].y", {Json(1), Json(2)}}}).isOk());
    CHECK_FALSE(mergeEdit(base, {{"village[x]", {Json(), Json::object()}}}).isOk());
    CHECK_FALSE(mergeEdit(Json::array(), {{"a", {Json(1), Json(2)}}}).isOk());
    CHECK_FALSE(applySet(base, {{"households_total[x]", {Json(), Json::object()}}}).isOk());
    CHECK_FALSE(mergeEdit(base, {{"not a path", {Json(1), Json(2)}}}).isOk());
}

TEST_CASE("applySet in CheckOld mode is all or nothing")
{
    const Json base = baseBody();
    const FieldSet good{{"households_total", {Json(376), Json(1)}}, {"members[r2].age", {Json(28), Json(2)}}};
    auto ok = applySet(base, good, ApplyMode::CheckOld);
    REQUIRE(ok.isOk());
    CHECK((*ok)["members"][1]["age"] == 2);

    FieldSet stale = good;
    stale["village"] = {Json("somewhere else"), Json("x")};
    auto refused = applySet(base, stale, ApplyMode::CheckOld);
    REQUIRE_FALSE(refused.isOk());
    CHECK(refused.status().code() == ErrorCode::Conflict);

    auto forced = applySet(base, stale, ApplyMode::Overwrite);
    REQUIRE(forced.isOk());
    CHECK((*forced)["village"] == "x");

    // A column write into a missing row fails, and the input is untouched.
    auto missing = applySet(base, {{"members[zz].age", {Json(), Json(1)}}});
    REQUIRE_FALSE(missing.isOk());
    CHECK(missing.status().code() == ErrorCode::NotFound);
}

TEST_CASE("diff: rows by id, arrays of scalars as one value, unaddressable keys refused")
{
    const Json base = baseBody();
    Json to = base;
    to["members"].erase(0);
    to["members"].push_back(row(kR3, {{"age", 1}}));
    to["choices"] = Json::array({1, 2});
    auto set = diffBodies(base, to);
    REQUIRE(set.isOk());
    CHECK(set->size() == 3);
    CHECK(set->at("members[r1]").after.is_null());
    CHECK(set->at("members[r3]").before.is_null());
    CHECK(set->at("choices").after == Json::array({1, 2}));

    Json bad = base;
    bad["not a name"] = 1;
    CHECK_FALSE(diffBodies(base, bad).isOk());
    CHECK(diffBodies(base, base)->empty());
    Json explicitNull = base;
    explicitNull["extra"] = nullptr;
    CHECK(diffBodies(base, explicitNull)->empty());  // null and absent are the same value
}

namespace {

struct Gen {
    SeededRandom random;
    int nextRow = 0;

    explicit Gen(std::uint64_t seed) : random(seed) {}
    int pick(int n) { return static_cast<int>(random.engine()() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return pick(100) < percent; }

    Json scalar()
    {
        switch (pick(5)) {
        case 0: return pick(1000);
        case 1: return std::string("giá trị ") + std::to_string(pick(50));
        case 2: return chance(50);
        case 3: return pick(100) / 4.0;
        default: return Json::array({pick(5), pick(5)});
        }
    }

    std::string rowId()
    {
        char buf[16];
        std::snprintf(buf, sizeof buf, "row-%05d", nextRow++);
        return buf;
    }

    Json makeRow(int depth)
    {
        Json r = Json::object();
        r["_id"] = rowId();
        for (int c = 0; c < 3; ++c) {
            if (chance(80)) {
                r["c" + std::to_string(c)] = scalar();
            }
        }
        if (depth == 0 && chance(40)) {
            r["kids"] = roster(1);
        }
        return r;
    }

    Json roster(int depth)
    {
        Json rows = Json::array();
        const int n = pick(4);
        for (int i = 0; i < n; ++i) {
            rows.push_back(makeRow(depth));
        }
        return rows;
    }

    Json body()
    {
        Json b = Json::object();
        for (int f = 0; f < 8; ++f) {
            if (chance(70)) {
                b["f" + std::to_string(f)] = scalar();
            }
        }
        if (chance(80)) {
            b["members"] = roster(0);
        }
        return b;
    }

    // Existing rows keep their relative order; new rows are appended in id order (ids grow), which is the
    // order apply appends them in.
    Json mutateRoster(const Json& rows, int depth)
    {
        Json out = Json::array();
        for (const auto& r : rows) {
            if (chance(20)) {
                continue;  // removed
            }
            out.push_back(chance(50) ? mutateObject(r, depth) : r);
        }
        const int added = pick(3);
        for (int i = 0; i < added; ++i) {
            out.push_back(makeRow(depth));
        }
        return out;
    }

    Json mutateObject(const Json& object, int depth)
    {
        Json out = object;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == "_id") {
                continue;
            }
            const int action = pick(10);
            if (isRoster(it.value()) && depth < 2 && action < 6) {
                out[it.key()] = mutateRoster(it.value(), depth + 1);
            } else if (action == 0) {
                out.erase(it.key());
            } else if (action < 3) {
                out[it.key()] = scalar();
            }
        }
        if (chance(30)) {
            out["n" + std::to_string(pick(4))] = scalar();
        }
        if (depth == 0 && !out.contains("members") && chance(30)) {
            out["members"] = roster(0);
        }
        return out;
    }
};

}  // namespace

TEST_CASE("property: apply(diff(a, b), a) == b, the diff is a valid wire set, and merging it onto a is clean")
{
    Gen gen(20261123);
    int nonTrivial = 0;
    int rowChanges = 0;
    int nestedRowChanges = 0;
    for (int i = 0; i < 500; ++i) {
        CAPTURE(i);
        const Json a = gen.body();
        const Json b = gen.mutateObject(a, 0);
        auto set = diffBodies(a, b);
        REQUIRE_MESSAGE(set.isOk(), set.status().toString());
        nonTrivial += set->empty() ? 0 : 1;
        for (const auto& [p, change] : *set) {
            rowChanges += p.find('[') != std::string::npos ? 1 : 0;
            nestedRowChanges += p.find("].kids[") != std::string::npos ? 1 : 0;
        }

        FieldSet wire;
        const Status parsedBack = parseFieldSet(fieldSetToJson(*set), "set", wire);
        REQUIRE_MESSAGE(parsedBack.isOk(), parsedBack.toString() << "\n" << fieldSetToJson(*set).dump());
        CHECK(wire == *set);

        auto applied = applySet(a, *set, ApplyMode::CheckOld);
        REQUIRE_MESSAGE(applied.isOk(), applied.status().toString());
        CHECK_MESSAGE(*applied == b, "a = " << a.dump() << "\nb = " << b.dump() << "\nset = "
                                            << fieldSetToJson(*set).dump() << "\ngot " << applied->dump());

        auto merged = mergeEdit(a, *set);
        REQUIRE(merged.isOk());
        CHECK(merged->clean());
        CHECK(merged->serverChanged.empty());
        CHECK(merged->body == b);
        CHECK(diffBodies(b, b)->empty());
    }
    CHECK(nonTrivial > 400);
    CHECK(rowChanges > 300);  // the generator really exercises rosters, nested ones too
    CHECK(nestedRowChanges > 30);
}

TEST_CASE("property: two devices editing disjoint fields from one base both land, whatever the order")
{
    Gen gen(7);
    for (int i = 0; i < 200; ++i) {
        CAPTURE(i);
        Json base = Json::object();
        for (int f = 0; f < 10; ++f) {
            base["f" + std::to_string(f)] = f;
        }
        Json left = base;
        Json right = base;
        for (int f = 0; f < 10; ++f) {
            if (gen.chance(40)) {
                (f % 2 == 0 ? left : right)["f" + std::to_string(f)] = gen.scalar();
            }
        }
        auto leftSet = diffBodies(base, left);
        auto rightSet = diffBodies(base, right);
        REQUIRE((leftSet.isOk() && rightSet.isOk()));
        auto afterLeft = mergeEdit(base, *leftSet);
        REQUIRE(afterLeft.isOk());
        auto both = mergeEdit(afterLeft->body, *rightSet);
        REQUIRE(both.isOk());
        CHECK(both->clean());
        auto afterRight = mergeEdit(base, *rightSet);
        auto bothOther = mergeEdit(afterRight->body, *leftSet);
        REQUIRE(bothOther.isOk());
        CHECK(bothOther->body == both->body);
    }
}
