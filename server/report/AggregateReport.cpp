// Aggregates for a unit's subtree and a period (see the header).
#include "report/AggregateReport.h"

#include "admin/UnitImport.h"
#include "aggregation/AdminTreeHierarchy.h"
#include "aggregation/Aggregator.h"
#include "catalog/EthnicGroupCatalog.h"
#include "catalog/IndicatorCatalog.h"
#include "forms/FormTemplate.h"
#include "report/RecordObservations.h"
#include "report/ReportBoundaries.h"

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace dantoc::server {

namespace {

Result<std::string> readResource(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::NotFound, "cannot read " + file.filename().string());
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool underUnit(const aggregation::UnitHierarchy& hierarchy, aggregation::UnitKey unit,
               const aggregation::UnitKey& root, const std::string& date)
{
    for (int depth = 0; depth < 64; ++depth) {  // admin trees are a few levels deep; the bound guards bad data
        if (unit == root) {
            return true;
        }
        auto parent = hierarchy.parentAt(unit, date);
        if (!parent) {
            return false;
        }
        unit = std::move(*parent);
    }
    return false;
}

}  // namespace

const std::vector<std::string>& aggregatedStates()
{
    static const std::vector<std::string> states = {"approved", "forwarded", "accepted"};
    return states;
}

Result<AggregateReport> computeAggregateReport(Store& store, CatalogStore& catalogs, RecordStore& records,
                                               const std::filesystem::path& resourcesDir,
                                               const std::vector<std::string>& recordUnitCodes,
                                               const AggregateQuery& query)
{
    auto period = catalogs.period(query.period);
    if (!period) {
        return period.status();
    }
    if (!period->has_value()) {
        return Status(ErrorCode::NotFound, "Không có kỳ báo cáo \"" + query.period + "\" / no such period");
    }
    if (!query.at.empty() && !isIsoDate(query.at)) {
        return Status(ErrorCode::InvalidArgument, "Ngày địa giới (at) phải có dạng YYYY-MM-DD, nhận được \"" +
                                                      query.at + "\" / at must be a date YYYY-MM-DD");
    }
    AggregateReport report;
    report.period = query.period;
    report.unitCode = query.unitCode;
    report.date = query.at.empty() ? (*period)->endsOn : query.at;

    auto versions = store.listUnitVersions();
    if (!versions) {
        return versions.status();
    }
    auto lineage = store.listUnitLineage();
    if (!lineage) {
        return lineage.status();
    }
    auto tree = buildAdminTree(*versions, *lineage);
    if (!tree) {
        return tree.status();
    }
    const aggregation::AdminTreeHierarchy hierarchy(*tree);
    std::map<aggregation::UnitKey, std::string> names;
    for (const Unit& unit : *versions) {
        names[{unit.code, unit.validFrom}] = unit.name;
    }
    auto root = hierarchy.findAt(query.unitCode, report.date);
    if (!root) {
        return Status(ErrorCode::NotFound, "Đơn vị \"" + query.unitCode + "\" không tồn tại vào ngày " + report.date +
                                               " / no unit " + query.unitCode + " on " + report.date);
    }
    report.unitName = names[*root];
    report.unitValidFrom = root->validFrom;
    // The version each record code stands for in this period, checked once per code.
    std::map<std::string, aggregation::UnitKey> recordUnits;
    auto recordUnit = [&](const std::string& code) -> Result<aggregation::UnitKey> {
        if (auto known = recordUnits.find(code); known != recordUnits.end()) {
            return known->second;
        }
        aggregation::UnitKey key{code, ""};  // unknown: the aggregator reports it unmapped
        if (const admin::Unit* version = recordVersion(*tree, code, (*period)->startsOn, (*period)->endsOn)) {
            if (Status s = checkNotSplit(*tree, *version, report.date); !s) {
                return s;
            }
            key.validFrom = version->validFrom;
        }
        return recordUnits.emplace(code, key).first->second;
    };

    auto indicatorText = readResource(resourcesDir / "catalogs" / "indicators.csv");
    if (!indicatorText) {
        return indicatorText.status();
    }
    auto indicators = catalog::IndicatorCatalog::loadCsv(*indicatorText, "indicators.csv");
    if (!indicators) {
        return indicators.status();
    }
    std::unique_ptr<catalog::EthnicGroupCatalog> ethnic;
    if (auto text = readResource(resourcesDir / "catalogs" / "ethnic_groups.csv")) {
        if (auto loaded = catalog::EthnicGroupCatalog::loadCsv(*text, "ethnic_groups.csv")) {
            ethnic = std::make_unique<catalog::EthnicGroupCatalog>(std::move(loaded.value()));
        }
    }

    std::string reportingLevel = "commune";
    std::vector<aggregation::Observation> observations;
    if (!recordUnitCodes.empty()) {  // an empty list would mean "any unit" to the record store
        RecordQuery recordQuery;
        recordQuery.unitCodes = recordUnitCodes;
        recordQuery.period = query.period;
        if (!query.formId.empty()) {
            recordQuery.formId = query.formId;
        }
        recordQuery.states = aggregatedStates();
        auto stored = records.listRecords(recordQuery);
        if (!stored) {
            return stored.status();
        }
        // The store filters already; checked again here because a figure must never hold unapproved or foreign data.
        const std::set<std::string> allowedUnits(recordUnitCodes.begin(), recordUnitCodes.end());
        const std::set<std::string> allowedStates(aggregatedStates().begin(), aggregatedStates().end());
        std::map<std::pair<std::string, int>, std::shared_ptr<const forms::FormTemplate>> forms;
        for (const StoredRecord& record : *stored) {
            if (record.deleted || record.period != query.period || allowedUnits.count(record.unitCode) == 0 ||
                allowedStates.count(record.state) == 0 || (!query.formId.empty() && record.formId != query.formId)) {
                continue;
            }
            const auto key = std::make_pair(record.formId, record.formVersion);
            auto found = forms.find(key);
            if (found == forms.end()) {
                std::shared_ptr<const forms::FormTemplate> parsed;
                auto template_ = catalogs.formVersion(record.formId, record.formVersion);
                if (!template_) {
                    return template_.status();
                }
                if (template_->has_value()) {
                    if (auto form = forms::FormTemplate::parse((*template_)->json)) {
                        parsed = std::make_shared<const forms::FormTemplate>(std::move(form.value()));
                    }
                }
                found = forms.emplace(key, std::move(parsed)).first;
            }
            if (!found->second) {
                continue;  // a record of a form version this server does not hold: nothing to read it with
            }
            if (!query.formId.empty()) {
                reportingLevel = found->second->unitLevel();
            }
            auto values = parseJson(record.bodyJson);
            if (!values) {
                continue;
            }
            auto unit = recordUnit(record.unitCode);
            if (!unit) {
                return unit.status();
            }
            ++report.records;
            for (aggregation::Observation& obs : observationsFromRecord(*found->second, record, *values)) {
                obs.unit = *unit;
                observations.push_back(std::move(obs));
            }
        }
    }

    aggregation::AggregationRequest request;
    request.date = report.date;
    request.reportingLevel = reportingLevel;
    auto result = aggregation::aggregate(hierarchy, aggregation::rulesFromCatalog(*indicators), observations, request);
    if (!result) {
        return result.status();
    }
    report.issues = std::move(result->issues);
    for (aggregation::AggregateRow& row : result->rows) {
        if (!query.indicator.empty() && row.indicator != query.indicator) {
            continue;
        }
        if (query.ethnicGroup == "total" ? !row.ethnicGroup.empty()
                                          : (!query.ethnicGroup.empty() && row.ethnicGroup != query.ethnicGroup)) {
            continue;
        }
        if (!underUnit(hierarchy, row.unit, *root, report.date)) {
            continue;
        }
        AggregateLine line;
        line.unitName = names[row.unit];
        if (const catalog::Indicator* indicator = indicators->find(row.indicator)) {
            line.indicatorName = indicator->nameVi;
            line.indicatorUnit = indicator->unit;
        }
        if (ethnic && !row.ethnicGroup.empty()) {
            if (const catalog::EthnicGroup* group = ethnic->find(row.ethnicGroup)) {
                line.ethnicName = group->nameVi;
            }
        }
        line.row = std::move(row);
        report.lines.push_back(std::move(line));
    }
    return report;
}

}  // namespace dantoc::server
