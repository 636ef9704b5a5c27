#include "aggregation/Aggregator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace dantoc::aggregation {

namespace {

constexpr std::uint32_t kMaxPeriods = 1u << 12;
constexpr std::uint32_t kMaxGroups = 1u << 12;
constexpr std::uint32_t kMaxIndicators = 1u << 16;
constexpr std::uint32_t kMaxUnits = 1u << 24;

// period | group | indicator-or-rule | unit-or-source, 12 + 12 + 16 + 24 bits
std::uint64_t pack(std::uint32_t period, std::uint32_t group, std::uint32_t indicator, std::uint32_t unit)
{
    return (std::uint64_t{period} << 52) | (std::uint64_t{group} << 40) | (std::uint64_t{indicator} << 24) | unit;
}

std::string keyString(const UnitKey& k) { return k.code + '\x1f' + k.validFrom; }

class Interner
{
public:
    std::uint32_t intern(const std::string& s)
    {
        const auto [it, inserted] = m_ids.emplace(s, static_cast<std::uint32_t>(m_names.size()));
        if (inserted) {
            m_names.push_back(s);
        }
        return it->second;
    }
    std::optional<std::uint32_t> find(const std::string& s) const
    {
        const auto it = m_ids.find(s);
        return it == m_ids.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
    }
    const std::string& name(std::uint32_t id) const { return m_names[id]; }
    std::size_t size() const { return m_names.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::vector<std::string> m_names;
};


// The tree of the chosen date, as indexes.
struct Tree {
    std::vector<UnitKey> units;
    std::vector<std::string> levels;
    std::vector<int> parent;
    std::vector<int> depth;
    std::vector<int> reportingAncestor;  // the reporting-level unit at or above, or -1
    std::vector<int> expected;
    std::vector<int> order;  // top-down, then by code
    std::unordered_map<std::string, int> index;

    int find(const UnitKey& k) const
    {
        const auto it = index.find(keyString(k));
        return it == index.end() ? -1 : it->second;
    }

    int lowestCommonAncestor(const std::vector<int>& nodes) const
    {
        std::vector<int> candidates;
        for (int u = nodes.front(); u >= 0; u = parent[static_cast<std::size_t>(u)]) {
            candidates.push_back(u);
        }
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            std::unordered_set<int> ancestors;
            for (int u = nodes[i]; u >= 0; u = parent[static_cast<std::size_t>(u)]) {
                ancestors.insert(u);
            }
            std::erase_if(candidates, [&](int c) { return !ancestors.count(c); });
        }
        return candidates.empty() ? -1 : candidates.front();
    }
};

Result<Tree> buildTree(const UnitHierarchy& h, const AggregationRequest& request)
{
    Tree t;
    t.units = h.unitsAt(request.date);
    if (t.units.size() >= kMaxUnits) {
        return Status(ErrorCode::ResourceExhausted, "too many units");
    }
    const std::size_t n = t.units.size();
    for (std::size_t i = 0; i < n; ++i) {
        t.index.emplace(keyString(t.units[i]), static_cast<int>(i));
        t.levels.push_back(h.levelOf(t.units[i]));
    }
    t.parent.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        if (const auto p = h.parentAt(t.units[i], request.date)) {
            t.parent[i] = t.find(*p);
        }
    }
    t.depth.assign(n, 0);
    t.reportingAncestor.assign(n, -1);
    t.expected.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t steps = 0;
        for (int u = static_cast<int>(i); u >= 0; u = t.parent[static_cast<std::size_t>(u)]) {
            if (++steps > n) {
                return Status(ErrorCode::Corruption, "the administrative tree has a cycle at " + t.units[i].code);
            }
            if (t.reportingAncestor[i] < 0 && t.levels[static_cast<std::size_t>(u)] == request.reportingLevel) {
                t.reportingAncestor[i] = u;
            }
            if (t.levels[i] == request.reportingLevel) {
                ++t.expected[static_cast<std::size_t>(u)];
            }
        }
        t.depth[i] = static_cast<int>(steps) - 1;
    }
    t.order.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        t.order[i] = static_cast<int>(i);
    }
    std::sort(t.order.begin(), t.order.end(), [&](int x, int y) {
        const auto ux = static_cast<std::size_t>(x);
        const auto uy = static_cast<std::size_t>(y);
        return std::tie(t.depth[ux], t.units[ux]) < std::tie(t.depth[uy], t.units[uy]);
    });
    return t;
}

Status checkRules(const std::vector<IndicatorRule>& rules)
{
    std::set<std::string> codes;
    for (const auto& r : rules) {
        if (r.code.empty() || !codes.insert(r.code).second) {
            return Status(ErrorCode::InvalidArgument, "indicator rule codes must be unique and non-empty ('" + r.code + "')");
        }
        if (r.rule == Rule::WeightedMean && (r.weight.empty() || r.weight == r.code)) {
            return Status(ErrorCode::InvalidArgument, "indicator " + r.code + ": a weighted mean needs another indicator as weight");
        }
        if (r.rule == Rule::Ratio &&
            (r.numerator.empty() || r.denominator.empty() || !std::isfinite(r.scale) || r.scale == 0.0)) {
            return Status(ErrorCode::InvalidArgument,
                          "indicator " + r.code + ": a ratio needs a numerator, a denominator and a finite scale");
        }
    }
    return Status::ok();
}

std::optional<double> valueOf(const IndicatorRule& rule, double a, double b, int contributing)
{
    if (contributing == 0) {
        return std::nullopt;
    }
    switch (rule.rule) {
    case Rule::Sum:
    case Rule::Count: return a;
    case Rule::WeightedMean: return b > 0 ? std::optional<double>(a / b) : std::nullopt;
    case Rule::Ratio: return b != 0 ? std::optional<double>(rule.scale * a / b) : std::nullopt;
    case Rule::None: return contributing == 1 ? std::optional<double>(a) : std::nullopt;
    }
    return std::nullopt;
}

double numeric(const std::variant<double, bool>& v)
{
    return std::holds_alternative<bool>(v) ? (std::get<bool>(v) ? 1.0 : 0.0) : std::get<double>(v);
}

}  // namespace

Result<AggregationResult> aggregate(const UnitHierarchy& hierarchy, const std::vector<IndicatorRule>& rules,
                                    const std::vector<Observation>& observations, const AggregationRequest& request)
{
    if (request.date.empty()) {
        return Status(ErrorCode::InvalidArgument, "aggregation needs the date of the boundaries");
    }
    if (Status s = checkRules(rules); !s.isOk()) {
        return s;
    }
    if (rules.size() >= kMaxIndicators) {
        return Status(ErrorCode::ResourceExhausted, "too many indicator rules");
    }
    auto treeResult = buildTree(hierarchy, request);
    if (!treeResult) {
        return treeResult.status();
    }
    const Tree& tree = *treeResult;
    const std::size_t unitCount = tree.units.size();

    // Indicators: every code a rule mentions. consumers[i]: the rules whose primary value is indicator i.
    Interner indicators;
    for (const auto& r : rules) {
        indicators.intern(r.code);
    }
    for (const auto& r : rules) {
        for (const std::string* c : {&r.weight, &r.numerator, &r.denominator}) {
            if (!c->empty()) {
                indicators.intern(*c);
            }
        }
    }
    if (indicators.size() >= kMaxIndicators) {
        return Status(ErrorCode::ResourceExhausted, "too many indicators");
    }
    std::vector<std::vector<std::uint32_t>> consumers(indicators.size());
    std::vector<std::uint32_t> primaryOf(rules.size(), 0);
    std::vector<std::uint32_t> partnerOf(rules.size(), 0);  // weight or denominator indicator
    for (std::uint32_t r = 0; r < rules.size(); ++r) {
        const IndicatorRule& rule = rules[r];
        primaryOf[r] = *indicators.find(rule.rule == Rule::Ratio ? rule.numerator : rule.code);
        consumers[primaryOf[r]].push_back(r);
        if (rule.rule == Rule::WeightedMean) {
            partnerOf[r] = *indicators.find(rule.weight);
        } else if (rule.rule == Rule::Ratio) {
            partnerOf[r] = *indicators.find(rule.denominator);
        }
    }

    AggregationResult result;
    auto issue = [&](IssueKind kind, std::size_t i, std::string message) {
        result.issues.push_back({kind, i, std::move(message)});
    };

    // 1. Place each observation: source unit -> container unit at the date; store its value.
    Interner periods;
    Interner groups;
    groups.intern("");  // group 0 = all groups together
    Interner sources;
    std::vector<int> container;                     // per source
    std::unordered_map<std::string, int> resolved;  // observation unit as given -> source id, or -1
    struct Stored {
        double value;
        std::size_t observation;
    };
    std::unordered_map<std::uint64_t, Stored> values;
    values.reserve(observations.size());
    struct Placed {
        std::uint32_t period, source, group, indicator;
        double value;
    };
    std::vector<Placed> placed;
    placed.reserve(observations.size());
    const UnitKey* lastUnit = nullptr;  // observations usually come unit by unit: skip the lookups
    int lastSource = -1;
    const std::string* lastPeriod = nullptr;
    std::uint32_t lastPeriodId = 0;

    for (std::size_t i = 0; i < observations.size(); ++i) {
        const Observation& o = observations[i];
        const auto ind = indicators.find(o.indicator);
        if (!ind) {
            issue(IssueKind::UnknownIndicator, i, "no aggregation rule for indicator '" + o.indicator + "'");
            continue;
        }
        const double v = numeric(o.value);
        if (!std::isfinite(v)) {
            issue(IssueKind::InvalidValue, i, "value of " + o.indicator + " for " + o.unit.code + " is not finite");
            continue;
        }
        if (!lastUnit || !(*lastUnit == o.unit)) {
            const std::string given = keyString(o.unit);
            auto it = resolved.find(given);
            if (it == resolved.end()) {
                int source = -1;
                std::optional<UnitKey> found = o.unit;
                if (o.unit.validFrom.empty()) {
                    found = hierarchy.findAt(o.unit.code, request.date);
                }
                if (found) {
                    std::vector<int> nodes;
                    for (const auto& c : hierarchy.counterpartsAt(*found, request.date)) {
                        if (const int idx = tree.find(c); idx >= 0) {
                            nodes.push_back(idx);
                        }
                    }
                    const int where = nodes.empty() ? -1 : tree.lowestCommonAncestor(nodes);
                    if (where >= 0) {
                        if (sources.size() + 1 >= kMaxUnits) {
                            return Status(ErrorCode::ResourceExhausted, "too many source units");
                        }
                        const std::uint32_t id = sources.intern(keyString(*found));
                        if (id == container.size()) {
                            container.push_back(where);
                        }
                        source = static_cast<int>(id);
                    }
                }
                it = resolved.emplace(given, source).first;
            }
            lastUnit = &o.unit;
            lastSource = it->second;
        }
        if (lastSource < 0) {
            issue(IssueKind::UnmappedUnit, i,
                  "unit " + o.unit.code + (o.unit.validFrom.empty() ? "" : " (" + o.unit.validFrom + ")") +
                      " has no counterpart on " + request.date);
            continue;
        }
        if (!lastPeriod || *lastPeriod != o.period) {
            lastPeriodId = periods.intern(o.period);
            lastPeriod = &o.period;
        }
        const std::uint32_t g = o.ethnicGroup.empty() ? 0 : groups.intern(o.ethnicGroup);
        if (periods.size() > kMaxPeriods || groups.size() > kMaxGroups) {
            return Status(ErrorCode::ResourceExhausted, "too many periods or ethnic groups");
        }
        const auto s = static_cast<std::uint32_t>(lastSource);
        if (!values.emplace(pack(lastPeriodId, g, *ind, s), Stored{v, i}).second) {
            issue(IssueKind::DuplicateObservation, i,
                  "second value of " + o.indicator + " for " + o.unit.code + " in " + o.period + "; the first is kept");
            continue;
        }
        placed.push_back({lastPeriodId, s, g, *ind, v});
    }

    // 2. Contributions of each source unit, per series (period, rule, group). A source's total is its explicit
    //    total if usable, else the sum of its groups.
    struct Contribution {
        int unit;
        double a;  // sum, count of positives, sum(value x weight) or sum(numerator)
        double b;  // sum(weight) or sum(denominator)
    };
    struct Series {
        std::uint32_t period, rule, group;
        std::vector<Contribution> items;
        std::vector<int> reportingUnits;  // with repeats
    };
    std::vector<Series> series;
    std::unordered_map<std::uint64_t, std::size_t> seriesIndex;
    auto seriesFor = [&](std::uint32_t p, std::uint32_t g, std::uint32_t r) -> Series& {
        const auto [it, inserted] = seriesIndex.emplace(pack(p, g, r, 0), series.size());
        if (inserted) {
            series.push_back(Series{p, r, g, {}, {}});
        }
        return series[it->second];
    };
    std::unordered_set<std::size_t> badWeights;
    // (a, b) of rule r for source s in group g, from the primary value v; nullopt when the unit cannot contribute
    auto contribution = [&](std::uint32_t p, std::uint32_t s, std::uint32_t g, std::uint32_t r,
                            double v) -> std::optional<std::pair<double, double>> {
        const IndicatorRule& rule = rules[r];
        switch (rule.rule) {
        case Rule::Sum:
        case Rule::None: return std::pair{v, 0.0};
        case Rule::Count: return std::pair{v > 0 ? 1.0 : 0.0, 0.0};
        case Rule::WeightedMean:
        case Rule::Ratio: break;
        }
        const auto other = values.find(pack(p, g, partnerOf[r], s));
        if (other == values.end()) {
            return std::nullopt;  // no weight / denominator: the unit does not contribute
        }
        const double b = other->second.value;
        if (rule.rule == Rule::Ratio) {
            return std::pair{v, b};
        }
        if (b < 0) {
            if (badWeights.insert(other->second.observation).second) {
                issue(IssueKind::InvalidValue, other->second.observation,
                      "negative weight " + rule.weight + " for " + sources.name(s));
            }
            return std::nullopt;
        }
        return std::pair{v * b, b};
    };
    auto explicitTotal = [&](std::uint32_t p, std::uint32_t s, std::uint32_t r) {
        const auto it = values.find(pack(p, 0, primaryOf[r], s));
        return it != values.end() && contribution(p, s, 0, r, it->second.value).has_value();
    };
    std::unordered_map<std::uint64_t, std::size_t> pendingIndex;  // sources totalled from their groups
    std::vector<std::pair<std::uint64_t, std::pair<double, double>>> pending;

    for (const Placed& ob : placed) {
        for (const std::uint32_t r : consumers[ob.indicator]) {
            const auto c = contribution(ob.period, ob.source, ob.group, r, ob.value);
            if (!c) {
                continue;
            }
            const int unit = container[ob.source];
            Series& target = seriesFor(ob.period, ob.group, r);
            target.items.push_back({unit, c->first, c->second});
            if (ob.group == 0) {
                if (const int rep = tree.reportingAncestor[static_cast<std::size_t>(unit)]; rep >= 0) {
                    target.reportingUnits.push_back(rep);
                }
            } else if (!explicitTotal(ob.period, ob.source, r)) {
                const auto [it, inserted] = pendingIndex.emplace(pack(ob.period, 0, r, ob.source), pending.size());
                if (inserted) {
                    pending.push_back({pack(ob.period, 0, r, ob.source), {0.0, 0.0}});
                }
                pending[it->second].second.first += c->first;
                pending[it->second].second.second += c->second;
            }
        }
    }
    for (const auto& [key, sums] : pending) {
        const auto p = static_cast<std::uint32_t>(key >> 52);
        const auto r = static_cast<std::uint32_t>((key >> 24) & 0xFFFF);
        const int unit = container[key & 0xFFFFFF];
        Series& total = seriesFor(p, 0, r);
        total.items.push_back({unit, sums.first, sums.second});
        if (const int rep = tree.reportingAncestor[static_cast<std::size_t>(unit)]; rep >= 0) {
            total.reportingUnits.push_back(rep);
        }
    }

    // 3. Roll each series up a dense scratch tree and emit its rows.
    std::vector<std::size_t> seriesOrder(series.size());
    for (std::size_t i = 0; i < series.size(); ++i) {
        seriesOrder[i] = i;
    }
    auto seriesLess = [&](std::size_t x, std::size_t y) {
        const Series& a = series[x];
        const Series& b = series[y];
        return std::tie(periods.name(a.period), rules[a.rule].code, groups.name(a.group)) <
               std::tie(periods.name(b.period), rules[b.rule].code, groups.name(b.group));
    };
    std::sort(seriesOrder.begin(), seriesOrder.end(), seriesLess);

    std::vector<int> orderPos(unitCount);
    for (std::size_t i = 0; i < unitCount; ++i) {
        orderPos[static_cast<std::size_t>(tree.order[i])] = static_cast<int>(i);
    }
    std::vector<char> wanted(unitCount, 1);
    if (!request.outputLevels.empty()) {
        const std::set<std::string> levels(request.outputLevels.begin(), request.outputLevels.end());
        for (std::size_t u = 0; u < unitCount; ++u) {
            wanted[u] = levels.count(tree.levels[u]) ? 1 : 0;
        }
    }
    std::vector<double> accA(unitCount), accB(unitCount);
    std::vector<int> accContributing(unitCount), accReported(unitCount), totalReported(unitCount);
    std::vector<std::size_t> stamp(unitCount, 0), repStamp(unitCount, 0), totalStamp(unitCount, 0);
    std::vector<int> touched;
    std::vector<std::pair<int, AggregateRow>> block;  // rows of one (period, rule) with their unit's position
    std::size_t current = 0;
    auto touch = [&](int u) {
        const auto ui = static_cast<std::size_t>(u);
        if (stamp[ui] != current) {
            stamp[ui] = current;
            accA[ui] = accB[ui] = 0;
            accContributing[ui] = accReported[ui] = 0;
            touched.push_back(u);
        }
    };
    auto flush = [&]() {
        std::stable_sort(block.begin(), block.end(), [](const auto& x, const auto& y) {
            return std::tie(x.first, x.second.ethnicGroup) < std::tie(y.first, y.second.ethnicGroup);
        });
        for (auto& entry : block) {
            result.rows.push_back(std::move(entry.second));
        }
        block.clear();
    };

    std::size_t blockId = 0;
    for (std::size_t k = 0; k < seriesOrder.size(); ++k) {
        const Series& s = series[seriesOrder[k]];
        const IndicatorRule& rule = rules[s.rule];
        const bool rollUp = rule.rule != Rule::None;
        if (k == 0 || series[seriesOrder[k - 1]].period != s.period || series[seriesOrder[k - 1]].rule != s.rule) {
            flush();
            ++blockId;
        }
        ++current;
        touched.clear();
        for (const Contribution& c : s.items) {
            for (int u = c.unit; u >= 0; u = rollUp ? tree.parent[static_cast<std::size_t>(u)] : -1) {
                touch(u);
                const auto ui = static_cast<std::size_t>(u);
                accA[ui] += c.a;
                accB[ui] += c.b;
                ++accContributing[ui];
            }
        }
        for (const int rep : s.reportingUnits) {
            if (repStamp[static_cast<std::size_t>(rep)] == current) {
                continue;
            }
            repStamp[static_cast<std::size_t>(rep)] = current;
            for (int u = rep; u >= 0; u = tree.parent[static_cast<std::size_t>(u)]) {
                touch(u);
                ++accReported[static_cast<std::size_t>(u)];
            }
        }
        if (s.group == 0) {
            for (const int u : touched) {
                totalStamp[static_cast<std::size_t>(u)] = blockId;
                totalReported[static_cast<std::size_t>(u)] = accReported[static_cast<std::size_t>(u)];
            }
        }
        auto emit = [&](int u) {
            const auto ui = static_cast<std::size_t>(u);
            const bool hasData = stamp[ui] == current && accContributing[ui] > 0;
            if (!wanted[ui] || (!hasData && (s.group != 0 || !rollUp || tree.expected[ui] == 0))) {
                return;
            }
            AggregateRow row;
            row.period = periods.name(s.period);
            row.unit = tree.units[ui];
            row.level = tree.levels[ui];
            row.indicator = rule.code;
            row.ethnicGroup = groups.name(s.group);
            row.expected = tree.expected[ui];
            row.reported = totalStamp[ui] == blockId ? totalReported[ui] : 0;  // coverage is per indicator
            if (hasData) {
                row.contributing = accContributing[ui];
                row.value = valueOf(rule, accA[ui], accB[ui], accContributing[ui]);
            }
            block.emplace_back(orderPos[ui], std::move(row));
        };
        if (s.group == 0 && rollUp) {
            for (const int u : tree.order) {
                emit(u);
            }
        } else {
            for (const int u : touched) {
                emit(u);
            }
        }
    }
    flush();
    return result;
}

}  // namespace dantoc::aggregation
