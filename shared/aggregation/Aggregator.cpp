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

struct Acc {
    double a = 0;  // sum, count of positives, sum(value x weight) or sum(numerator)
    double b = 0;  // sum(weight) or sum(denominator)
    int contributing = 0;
    int reported = 0;
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

std::optional<double> valueOf(const IndicatorRule& rule, const Acc& acc)
{
    if (acc.contributing == 0) {
        return std::nullopt;
    }
    switch (rule.rule) {
    case Rule::Sum:
    case Rule::Count: return acc.a;
    case Rule::WeightedMean: return acc.b > 0 ? std::optional<double>(acc.a / acc.b) : std::nullopt;
    case Rule::Ratio: return acc.b != 0 ? std::optional<double>(rule.scale * acc.a / acc.b) : std::nullopt;
    case Rule::None: return acc.contributing == 1 ? std::optional<double>(acc.a) : std::nullopt;
    }
    return std::nullopt;
}

double numeric(const std::variant<double, bool>& v)
{
    return std::holds_alternative<bool>(v) ? (std::get<bool>(v) ? 1.0 : 0.0) : std::get<double>(v);
}

}  // namespace

std::string_view toName(Rule rule)
{
    switch (rule) {
    case Rule::Sum: return "sum";
    case Rule::WeightedMean: return "weighted_mean";
    case Rule::Ratio: return "ratio";
    case Rule::Count: return "count";
    case Rule::None: return "none";
    }
    return "none";
}

std::optional<Rule> parseRule(std::string_view name)
{
    for (Rule r : {Rule::Sum, Rule::WeightedMean, Rule::Ratio, Rule::Count, Rule::None}) {
        if (toName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

std::string_view toName(IssueKind kind)
{
    switch (kind) {
    case IssueKind::UnknownIndicator: return "unknown_indicator";
    case IssueKind::UnmappedUnit: return "unmapped_unit";
    case IssueKind::DuplicateObservation: return "duplicate_observation";
    case IssueKind::InvalidValue: return "invalid_value";
    }
    return "unknown";
}

const AggregateRow* AggregationResult::find(std::string_view period, std::string_view unitCode,
                                            std::string_view indicator, std::string_view ethnicGroup) const
{
    for (const auto& row : rows) {
        if (row.period == period && row.unit.code == unitCode && row.indicator == indicator &&
            row.ethnicGroup == ethnicGroup) {
            return &row;
        }
    }
    return nullptr;
}

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
    std::vector<std::uint32_t> partner(rules.size(), 0);  // weight or denominator indicator
    for (std::uint32_t r = 0; r < rules.size(); ++r) {
        const IndicatorRule& rule = rules[r];
        const std::string& primary = rule.rule == Rule::Ratio ? rule.numerator : rule.code;
        consumers[*indicators.find(primary)].push_back(r);
        if (rule.rule == Rule::WeightedMean) {
            partner[r] = *indicators.find(rule.weight);
        } else if (rule.rule == Rule::Ratio) {
            partner[r] = *indicators.find(rule.denominator);
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
    std::vector<int> container;  // per source
    std::unordered_map<std::string, int> resolved;  // observation unit as given -> source id, or -1
    struct Stored {
        double value;
        std::size_t observation;
    };
    std::unordered_map<std::uint64_t, Stored> values;
    values.reserve(observations.size());
    struct Placed {
        std::uint32_t period, source, group, indicator;
    };
    std::vector<Placed> placed;
    placed.reserve(observations.size());

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
        const std::string given = keyString(o.unit);
        auto it = resolved.find(given);
        if (it == resolved.end()) {
            int source = -1;
            UnitKey key = o.unit;
            std::optional<UnitKey> found = key;
            if (key.validFrom.empty()) {
                found = hierarchy.findAt(key.code, request.date);
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
        if (it->second < 0) {
            issue(IssueKind::UnmappedUnit, i,
                  "unit " + o.unit.code + (o.unit.validFrom.empty() ? "" : " (" + o.unit.validFrom + ")") +
                      " has no counterpart on " + request.date);
            continue;
        }
        const std::uint32_t p = periods.intern(o.period);
        const std::uint32_t g = groups.intern(o.ethnicGroup);
        if (periods.size() > kMaxPeriods || groups.size() > kMaxGroups) {
            return Status(ErrorCode::ResourceExhausted, "too many periods or ethnic groups");
        }
        const auto s = static_cast<std::uint32_t>(it->second);
        if (!values.emplace(pack(p, g, *ind, s), Stored{v, i}).second) {
            issue(IssueKind::DuplicateObservation, i,
                  "second value of " + o.indicator + " for " + o.unit.code + " in " + o.period + "; the first is kept");
            continue;
        }
        placed.push_back({p, s, g, *ind});
    }

    // 2. Contributions per source unit, rolled up; a source's total is its explicit total, else its groups' sum.
    std::unordered_map<std::uint64_t, Acc> sums;
    sums.reserve(placed.size() * 2);
    std::map<std::pair<std::string, std::string>, std::pair<std::uint32_t, std::uint32_t>> series;  // (period, rule)
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::set<std::uint32_t>> seriesGroups;
    auto addUp = [&](std::uint32_t p, std::uint32_t g, std::uint32_t r, int unit, double a, double b) {
        const bool rollUp = rules[r].rule != Rule::None;
        for (int u = unit; u >= 0; u = rollUp ? tree.parent[static_cast<std::size_t>(u)] : -1) {
            Acc& acc = sums[pack(p, g, r, static_cast<std::uint32_t>(u))];
            acc.a += a;
            acc.b += b;
            ++acc.contributing;
        }
    };
    struct SourceTotal {
        Acc explicitTotal;
        Acc groupSum;
        bool hasExplicit = false;
    };
    std::unordered_map<std::uint64_t, std::size_t> totalIndex;
    std::vector<std::pair<std::uint64_t, SourceTotal>> totals;
    std::unordered_set<std::size_t> badWeights;

    for (const Placed& ob : placed) {
        const double v = values.at(pack(ob.period, ob.group, ob.indicator, ob.source)).value;
        for (const std::uint32_t r : consumers[ob.indicator]) {
            const IndicatorRule& rule = rules[r];
            double a = v;
            double b = 0;
            if (rule.rule == Rule::Count) {
                a = v > 0 ? 1.0 : 0.0;
            } else if (rule.rule == Rule::WeightedMean || rule.rule == Rule::Ratio) {
                const auto other = values.find(pack(ob.period, ob.group, partner[r], ob.source));
                if (other == values.end()) {
                    continue;  // the unit does not contribute without its weight / denominator
                }
                b = other->second.value;
                if (rule.rule == Rule::WeightedMean) {
                    if (b < 0) {
                        if (badWeights.insert(other->second.observation).second) {
                            issue(IssueKind::InvalidValue, other->second.observation,
                                  "negative weight " + rule.weight + " for " + sources.name(ob.source));
                        }
                        continue;
                    }
                    a = v * b;
                }
            }
            const int unit = container[ob.source];
            if (ob.group != 0) {
                addUp(ob.period, ob.group, r, unit, a, b);
                seriesGroups[{ob.period, r}].insert(ob.group);
            }
            const std::uint64_t tkey = pack(ob.period, 0, r, ob.source);
            auto [tit, inserted] = totalIndex.emplace(tkey, totals.size());
            if (inserted) {
                totals.emplace_back(tkey, SourceTotal{});
            }
            SourceTotal& t = totals[tit->second].second;
            Acc& into = ob.group == 0 ? t.explicitTotal : t.groupSum;
            into.a += a;
            into.b += b;
            t.hasExplicit = t.hasExplicit || ob.group == 0;
        }
    }
    std::unordered_set<std::uint64_t> reportedUnits;
    for (const auto& [tkey, t] : totals) {
        const auto p = static_cast<std::uint32_t>(tkey >> 52);
        const auto r = static_cast<std::uint32_t>((tkey >> 24) & 0xFFFF);
        const auto s = static_cast<std::uint32_t>(tkey & 0xFFFFFF);
        const Acc& acc = t.hasExplicit ? t.explicitTotal : t.groupSum;
        const int unit = container[s];
        addUp(p, 0, r, unit, acc.a, acc.b);
        series.emplace(std::pair{periods.name(p), rules[r].code}, std::pair{p, r});
        const int rep = tree.reportingAncestor[static_cast<std::size_t>(unit)];
        if (rep >= 0 && reportedUnits.insert(pack(p, 0, r, static_cast<std::uint32_t>(rep))).second) {
            for (int u = rep; u >= 0; u = tree.parent[static_cast<std::size_t>(u)]) {
                ++sums[pack(p, 0, r, static_cast<std::uint32_t>(u))].reported;
            }
        }
    }

    // 3. Rows.
    std::set<std::string> outputLevels(request.outputLevels.begin(), request.outputLevels.end());
    for (const auto& [names, ids] : series) {
        const auto [p, r] = ids;
        const IndicatorRule& rule = rules[r];
        std::vector<std::uint32_t> groupIds(seriesGroups[ids].begin(), seriesGroups[ids].end());
        std::sort(groupIds.begin(), groupIds.end(),
                  [&](std::uint32_t x, std::uint32_t y) { return groups.name(x) < groups.name(y); });
        for (const int u : tree.order) {
            const auto ui = static_cast<std::size_t>(u);
            if (!outputLevels.empty() && !outputLevels.count(tree.levels[ui])) {
                continue;
            }
            const auto total = sums.find(pack(p, 0, r, static_cast<std::uint32_t>(u)));
            const Acc* totalAcc = total == sums.end() ? nullptr : &total->second;
            auto emit = [&](std::uint32_t g, const Acc* acc) {
                AggregateRow row;
                row.period = names.first;
                row.unit = tree.units[ui];
                row.level = tree.levels[ui];
                row.indicator = rule.code;
                row.ethnicGroup = groups.name(g);
                row.expected = tree.expected[ui];
                if (acc) {
                    row.value = valueOf(rule, *acc);
                    row.contributing = acc->contributing;
                }
                row.reported = totalAcc ? totalAcc->reported : 0;  // coverage is per indicator, not per group
                result.rows.push_back(std::move(row));
            };
            const bool hasData = totalAcc && totalAcc->contributing > 0;
            if (hasData || (rule.rule != Rule::None && tree.expected[ui] > 0)) {
                emit(0, totalAcc);
            }
            for (const std::uint32_t g : groupIds) {
                const auto it = sums.find(pack(p, g, r, static_cast<std::uint32_t>(u)));
                if (it != sums.end() && it->second.contributing > 0) {
                    emit(g, &it->second);
                }
            }
        }
    }
    return result;
}

}  // namespace dantoc::aggregation
