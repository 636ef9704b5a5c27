// Values of the shipped demo samples (resources/demo) for tests that need a complete, valid submission. Header-only;
// stateless.
#pragma once

#include "support/Files.h"

#include <nlohmann/json.hpp>

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

}  // namespace dantoc::test
