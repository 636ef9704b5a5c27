// Values of the shipped demo samples (resources/demo) for tests that need a complete, valid submission. Header-only;
// stateless.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace dantoc::test {

// The `values` of resources/demo/village_survey.sample.json: every required field, every check satisfied.
inline nlohmann::json sampleVillageValues()
{
    std::ifstream in(std::string(DANTOC_RESOURCES_DIR) + "/demo/village_survey.sample.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str())["values"];
}

}  // namespace dantoc::test
