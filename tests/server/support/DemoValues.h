// Values of the shipped demo samples (resources/demo) for tests that need a complete, valid submission. Header-only;
// stateless.
#pragma once

#include "support/Files.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>

namespace dantoc::test {

// The whole sample submission resources/demo/<form>.sample.json (id, form, unit, period, values, notes).
inline nlohmann::json demoSample(const std::string& form)
{
    return nlohmann::json::parse(readFile(resourcesDir() / "demo" / (form + ".sample.json")));
}

// The `values` of the village sample: every required field, every check satisfied.
inline nlohmann::json sampleVillageValues() { return demoSample("village_survey")["values"]; }

// The `values` of the commune sample (its signed_scan names resources/demo/phieu-xa-bat-xat-2025.pdf).
inline nlohmann::json sampleCommuneValues() { return demoSample("commune_survey")["values"]; }

// The `notes` of a sample: its explanations of the warnings it raises (the commune sample explains one).
inline std::map<std::string, std::string, std::less<>> demoSampleNotes(const std::string& form)
{
    const nlohmann::json given = demoSample(form).value("notes", nlohmann::json::object());  // kept: items() refers into it
    std::map<std::string, std::string, std::less<>> notes;
    for (const auto& [key, text] : given.items()) {
        notes[key] = text.get<std::string>();
    }
    return notes;
}

}  // namespace dantoc::test
