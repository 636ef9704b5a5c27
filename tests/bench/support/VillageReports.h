// VillageReports: benchmark documents in the shape of the peer's village reports
// (tests/data/sync/village-reports.sample.ndjson, copied from the peer's benchmark: `_id`, `unit{province…village}`,
// ~60 `indicators` with `population_eth_<code>` per ethnic group, a `roster` of 5–10 households with Vietnamese
// names, notes and timestamps), and their mapping to the bench form, which is the real `village_survey` v1
// (resources/forms/village_survey.json: the same indicators, ethnic groups and household list as rosters).
//
// generate(seed, i) gives document i of a seeded set: every document is a different village (its own commune,
// district, province names and codes, period, values, households and names), drawn from the sample's distribution
// and consistent with the form's checks (sexes and age groups add up to the population, so do the ethnic groups;
// counts never exceed their totals). Deterministic across platforms: its own SplitMix64, no <random> distributions.
// Header-only; pure functions, safe from any thread.
#pragma once

#include "base/Json.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dantoc::bench {

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi] (the modulo bias is irrelevant for benchmark data).
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    double real(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return real(0, 1) < p; }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& items)
    {
        return items[static_cast<std::size_t>(next() % N)];
    }
    // A version-4-shaped UUID (roster row ids must be UUIDs).
    std::string uuid()
    {
        const std::uint64_t a = next();
        const std::uint64_t b = next();
        char text[40];
        std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                      static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                      static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                      static_cast<unsigned long long>(b & 0xffffffffffffULL));
        return text;
    }

private:
    std::uint64_t m_state;
};

namespace detail {

// Word lists in the sample's style (place-name syllables of the northern uplands, ethnic-minority family names).
inline constexpr std::array<std::string_view, 8> kVillageKinds = {"Bản", "Thôn", "Xóm", "Buôn", "Làng",
                                                                  "Plei", "Sóc", "Tổ dân phố"};
inline constexpr std::array<std::string_view, 40> kSyllables = {
    "Mần", "Nưa", "Dào", "Hồ", "Lếch", "Pa", "Nậm", "Ma", "Cồ", "Tà", "Thu", "Mường", "Phùng", "Lìn",
    "Tủng", "Lũng", "Sìn", "Ea", "Chải", "Phiêng", "Kéo", "Hồng", "Bó", "Mò", "Hạ", "Séo", "Tả", "Tở",
    "Chăn", "Pắc", "Khao", "Mạ", "Hua", "Lả", "Nà", "Pác", "Cốc", "Lùng", "Phìn", "Sán"};
inline constexpr std::array<std::string_view, 30> kFamilies = {
    "Hà", "Siu", "Rmah", "Điêu", "Lò", "Sùng", "Lường", "Quàng", "Bạc", "Cầm", "Thạch", "Lý", "Vàng", "Mùa", "Hoàng",
    "Thào", "Lê", "Lâm", "Y", "Đinh", "Trần", "Ksor", "Tráng", "Nguyễn", "Danh", "Giàng", "Rơ", "Hầu", "Nông", "H’"};
inline constexpr std::array<std::string_view, 10> kMiddles = {"Văn", "Thị", "Ngọc", "Xuân", "Đức",
                                                              "Minh", "A", "Mí", "Seo", "Thị Thu"};
inline constexpr std::array<std::string_view, 24> kGivens = {
    "Mai", "Súa", "Hyưn", "Phử", "Chăng", "Hùng", "Sinh", "Páo", "Blúp", "Tâm", "Vượng", "Phương",
    "Dua", "Khoa", "Sóc", "Dũng", "Thơm", "Chứ", "Xá", "Hương", "Cường", "Dình", "Lan", "Nhung"};
inline constexpr std::array<std::string_view, 26> kEthnicCodes = {"01", "02", "03", "04", "05", "06", "07", "08", "09",
                                                                  "10", "11", "12", "13", "15", "16", "18", "20", "23",
                                                                  "25", "26", "27", "30", "33", "42", "45", "50"};
inline constexpr std::array<std::string_view, 12> kProvinces = {
    "Hà Giang", "Cao Bằng", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình", "Gia Lai", "Đắk Lắk",
    "Kon Tum", "Sóc Trăng"};
inline constexpr std::array<std::string_view, 6> kNotes = {
    "", "", "Đường vào bản sạt lở sau mưa lũ, cán bộ đi bộ 6 km.", "Cần bổ sung thông tin về nước sinh hoạt.",
    "Đã đối chiếu với danh sách hộ nghèo năm trước.", "Số liệu dân số lấy theo sổ hộ khẩu của thôn."};
inline constexpr std::array<std::string_view, 4> kPeriods = {"2024-H1", "2024-H2", "2025-H1", "2025-H2"};
inline constexpr std::array<std::string_view, 4> kStatuses = {"draft", "submitted", "returned", "approved"};

inline std::string place(Rng& rng, int syllablesMin, int syllablesMax)
{
    std::string name;
    const auto n = rng.range(syllablesMin, syllablesMax);
    for (std::int64_t i = 0; i < n; ++i) {
        name += (i ? " " : "") + std::string(rng.pick(kSyllables));
    }
    return name;
}

inline std::string code(std::int64_t value, int digits)
{
    std::string text = std::to_string(value);
    return std::string(text.size() < static_cast<std::size_t>(digits) ? digits - text.size() : 0, '0') + text;
}

inline std::int64_t share(Rng& rng, std::int64_t total, double lo, double hi)
{
    return static_cast<std::int64_t>(static_cast<double>(total) * rng.real(lo, hi));
}

inline double tenth(double value) { return static_cast<double>(static_cast<std::int64_t>(value * 10.0)) / 10.0; }

}  // namespace detail

// Document `index` of the set `seed`, in the peer's shape: one of 1,250 communes (so about 8 villages each for
// 10,000), 15 communes per district; neighbours in the set come from different communes, as in the sample.
inline Json generate(std::uint64_t seed, std::uint64_t index)
{
    using namespace detail;
    Rng rng(seed * 0x100000001b3ULL ^ (index + 1) * 0x9e3779b97f4a7c15ULL);
    const std::uint64_t commune = Rng(seed ^ (index + 1) * 0xff51afd7ed558ccdULL).next() % 1250;
    const std::uint64_t district = commune / 15;
    Rng communeRng(seed ^ (commune + 1) * 0xda942042e4dd58b5ULL);  // names shared by a commune's villages
    Rng districtRng(seed ^ (district + 1) * 0xc2b2ae3d27d4eb4fULL);
    const std::string provinceName(kProvinces[district % kProvinces.size()]);
    const std::string districtName = "Huyện " + place(districtRng, 2, 3);
    const std::string communeName = (communeRng.chance(0.1) ? "Thị trấn " : "Xã ") + place(communeRng, 2, 3);
    const std::string communeCode = code(1000 + static_cast<std::int64_t>(commune), 5);
    const std::string villageCode = communeCode + code(static_cast<std::int64_t>(index % 100000), 5);
    const std::string period(kPeriods[index % kPeriods.size()]);

    Json ind = Json::object();
    const std::int64_t households = rng.range(25, 400);
    const std::int64_t population = static_cast<std::int64_t>(static_cast<double>(households) * rng.real(3.0, 6.2));
    ind["households_total"] = households;
    const std::int64_t poor = share(rng, households, 0.05, 0.45);
    ind["households_poor"] = poor;
    ind["households_near_poor"] = std::min(households - poor, share(rng, households, 0.03, 0.25));
    for (const char* name : {"households_escaped_poverty", "households_female_headed", "households_resettled"}) {
        ind[name] = share(rng, households, 0.0, 0.06);
    }
    ind["households_without_land"] = share(rng, households, 0.0, 0.12);
    ind["households_lacking_housing"] = share(rng, households, 0.0, 0.1);
    ind["households_lacking_production_land"] = share(rng, households, 0.0, 0.2);
    ind["households_lacking_clean_water"] = share(rng, households, 0.05, 0.7);
    ind["households_with_toilet"] = share(rng, households, 0.3, 0.95);
    ind["households_with_tv"] = share(rng, households, 0.55, 0.98);
    ind["households_with_motorbike"] = share(rng, households, 0.55, 0.98);
    ind["households_receiving_support"] = share(rng, households, 0.2, 0.8);
    ind["households_clean_energy"] = share(rng, households, 0.0, 0.2);
    ind["boarding_students"] = rng.range(0, 25);
    ind["ethnic_minority_teachers"] = rng.range(0, 10);
    ind["population_total"] = population;
    const std::int64_t male = share(rng, population, 0.48, 0.54);
    ind["population_male"] = male;
    ind["population_female"] = population - male;
    const std::int64_t under6 = share(rng, population, 0.07, 0.12);
    const std::int64_t age6to14 = share(rng, population, 0.14, 0.2);
    const std::int64_t over60 = share(rng, population, 0.06, 0.12);
    ind["population_under_6"] = under6;
    ind["population_6_14"] = age6to14;
    ind["population_15_59"] = population - under6 - age6to14 - over60;
    ind["population_60_plus"] = over60;
    ind["children_in_school"] = share(rng, age6to14, 0.8, 0.99);
    ind["children_out_of_school"] = share(rng, age6to14, 0.0, 0.05);
    ind["illiterate_15_plus"] = share(rng, population - under6 - age6to14, 0.03, 0.25);
    ind["speaks_vietnamese"] = share(rng, population, 0.45, 0.97);
    ind["health_insurance_holders"] = share(rng, population, 0.6, 0.97);
    ind["births_in_period"] = share(rng, population, 0.0, 0.02);
    ind["deaths_in_period"] = share(rng, population, 0.0, 0.008);
    ind["child_marriages"] = rng.range(0, 3);
    ind["consanguineous_marriages"] = rng.range(0, 2);
    ind["migrant_workers"] = share(rng, population, 0.0, 0.08);
    ind["distance_to_commune_km"] = tenth(rng.real(0.3, 25));
    ind["distance_to_school_km"] = tenth(rng.real(0.2, 12));
    ind["distance_to_health_station_km"] = tenth(rng.real(0.3, 20));
    ind["rice_area_ha"] = tenth(rng.real(3, 90));
    ind["forest_area_protected_ha"] = tenth(rng.real(0, 600));
    ind["avg_income_million_vnd"] = rng.range(14, 60);
    for (const auto& [name, p] : std::initializer_list<std::pair<const char*, double>>{
             {"has_electricity_grid", 0.9}, {"has_paved_road", 0.5}, {"road_passable_rainy_season", 0.7},
             {"has_primary_school", 0.7}, {"has_kindergarten", 0.75}, {"has_health_station", 0.3},
             {"has_clean_water_system", 0.55}, {"has_mobile_signal", 0.85}, {"has_internet", 0.6},
             {"has_cultural_house", 0.7}, {"has_market", 0.25}, {"has_irrigation", 0.4},
             {"has_community_radio", 0.35}, {"is_extremely_difficult", 0.3}, {"is_border_area", 0.15}}) {
        ind[name] = rng.chance(p);
    }
    // 1–4 ethnic groups whose populations add up to the total.
    std::vector<std::string> groups;
    const auto groupCount = rng.range(1, 4);
    while (static_cast<std::int64_t>(groups.size()) < groupCount) {
        std::string g(rng.pick(kEthnicCodes));
        if (std::find(groups.begin(), groups.end(), g) == groups.end()) {
            groups.push_back(g);
        }
    }
    std::int64_t left = population;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::int64_t n = g + 1 == groups.size() ? left : share(rng, left, 0.35, 0.75);
        ind["population_eth_" + groups[g]] = n;
        left -= n;
    }

    Json roster = Json::array();
    const auto rows = std::min<std::int64_t>(households, rng.range(5, 10));
    for (std::int64_t r = 0; r < rows; ++r) {
        std::string name = std::string(rng.pick(kFamilies)) + " " + std::string(rng.pick(kMiddles)) + " " +
                           std::string(rng.pick(kGivens));
        roster.push_back({{"hh_code", villageCode + "-" + code(r + 1, 3)},
                          {"head_name", std::move(name)},
                          {"relation", "Chủ hộ"},
                          {"ethnic_code", groups[static_cast<std::size_t>(rng.range(0, groupCount - 1))]},
                          {"members", rng.range(1, 10)},
                          {"is_poor", rng.chance(static_cast<double>(poor) / static_cast<double>(households))},
                          {"birth_year", rng.range(1940, 2000)}});
    }
    const std::string year = period.substr(0, 4);
    const std::string month = period.back() == '1' ? "01" : "07";
    const std::string created = year + "-" + month + "-" + code(rng.range(10, 28), 2) + "T" + code(rng.range(7, 21), 2) +
                                ":" + code(rng.range(0, 59), 2) + ":" + code(rng.range(0, 59), 2) + ".000Z";
    const std::string status(rng.pick(kStatuses));
    return Json{{"_id", "sub:" + period + ":" + villageCode},
                {"type", "survey_submission"},
                {"form_id", "DT-TH01"},
                {"form_version", 3},
                {"period", period},
                {"unit",
                 {{"province_code", code(static_cast<std::int64_t>(district % 96) + 1, 2)},
                  {"province_name", provinceName},
                  {"district_code", code(static_cast<std::int64_t>(district) + 100, 5)},
                  {"district_name", districtName},
                  {"commune_code", communeCode},
                  {"commune_name", communeName},
                  {"village_code", villageCode},
                  {"village_name", std::string(rng.pick(kVillageKinds)) + " " + place(rng, 1, 3)}}},
                {"status", status},
                {"indicators", std::move(ind)},
                {"roster", std::move(roster)},
                {"notes", std::string(rng.pick(kNotes))},
                {"created_by", "canbo.xa." + communeCode},
                {"created_at", created},
                {"updated_at", created},
                {"submitted_at", status == "draft" ? Json() : Json(created)}};
}

// The bench form's values (village_survey v1) for one peer document: indicators as they are, population_eth_<code>
// as rows of the `ethnic_groups` roster, the roster as rows of `households`; row ids drawn from `rng`. Envelope
// fields (status, notes, timestamps, unit names) have no place among a submission's values and are dropped.
inline Json toFormValues(const Json& doc, Rng& rng)
{
    Json values = Json::object();
    Json ethnic = Json::array();
    if (doc.contains("indicators") && doc["indicators"].is_object()) {
        for (const auto& [key, value] : doc["indicators"].items()) {
            if (key.rfind("population_eth_", 0) == 0) {
                ethnic.push_back({{"_id", rng.uuid()}, {"ethnic_code", key.substr(15)}, {"population", value}});
            } else {
                values[key] = value;
            }
        }
    }
    values["ethnic_groups"] = std::move(ethnic);
    Json households = Json::array();
    if (doc.contains("roster") && doc["roster"].is_array()) {
        for (const Json& row : doc["roster"]) {
            Json item = row;
            item["_id"] = rng.uuid();
            households.push_back(std::move(item));
        }
    }
    values["households"] = std::move(households);
    return values;
}

// A bench document: the peer's JSON (its size is the "raw" of the wire ratios) and where the bench files it.
struct BenchDoc
{
    Json peer;
    std::size_t rawBytes = 0;  // the peer document as one NDJSON line, without the newline
    std::string villageName;
};

inline BenchDoc benchDoc(Json peer)
{
    BenchDoc doc;
    doc.rawBytes = peer.dump().size();
    if (auto unit = peer.find("unit"); unit != peer.end() && unit->is_object()) {
        if (auto name = unit->find("village_name"); name != unit->end() && name->is_string()) {
            doc.villageName = name->get<std::string>();
        }
    }
    if (doc.villageName.empty()) {
        doc.villageName = "Thôn";
    }
    doc.peer = std::move(peer);
    return doc;
}

// Up to `limit` documents (0: all) from an NDJSON file; blank lines are skipped, a line that is not a JSON object
// stops the read with `error` set.
inline std::vector<BenchDoc> readNdjson(const std::string& path, std::size_t limit, std::string& error)
{
    std::vector<BenchDoc> docs;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return docs;
    }
    std::string line;
    std::size_t number = 0;
    while ((limit == 0 || docs.size() < limit) && std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        Json doc = Json::parse(line, nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) {
            error = path + ":" + std::to_string(number) + ": not a JSON object";
            return docs;
        }
        docs.push_back(benchDoc(std::move(doc)));
    }
    return docs;
}

}  // namespace dantoc::bench
