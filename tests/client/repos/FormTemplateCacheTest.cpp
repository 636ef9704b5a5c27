// FormTemplateCache through FormTemplateRepository: a template is parsed once per stored text however many imports
// and validations use it, a replaced text is parsed again, and templates keep working after the cache forgets them.
#include "RepoSupport.h"

#include "core/EntryImporter.h"
#include "core/EntryService.h"
#include "core/FormTemplateCache.h"

#include <doctest/doctest.h>

#include <string>

using namespace dantoc;
using namespace dantoc::client;

TEST_CASE("form template cache: one parse per stored text, whatever uses it")
{
    test::TempDir dir("dantoc-form-cache");
    auto store = test::newRepoStore(dir.path() / "store");
    test::putTinyForm(store->connection());
    FormTemplateCache::clear();
    FormTemplateRepository forms(store->connection());

    const auto before = FormTemplateCache::parseCount();
    auto first = forms.loadShared("tiny_village", 2);
    REQUIRE(first.isOk());
    auto again = forms.loadShared("tiny_village");
    REQUIRE(again.isOk());
    CHECK(first->get() == again->get());  // the same parsed object
    CHECK(FormTemplateCache::parseCount() == before + 1);

    // Twenty entries imported, saved and validated: still that one parse.
    EntryService service(store->connection());
    EntryImporter importer(store->connection(), service);
    std::string array = "[";
    for (int i = 0; i < 20; ++i) {
        array += (i ? "," : "") + std::string(R"({"form": {"id": "tiny_village", "version": 2}, "unit": "01645000)") +
                 (i < 10 ? "0" : "") + std::to_string(i) +
                 R"(", "period": "2025-H2", "values": {"village_name": "Bản Nậm Pung", "households_total": 30}})";
    }
    array += "]";
    auto report = importer.importJson(array, ImportAction::Save);
    REQUIRE(report.isOk());
    REQUIRE_MESSAGE(report->imported(), (report->errors.empty() ? std::string() : report->errors[0].message));
    CHECK(report->recordIds.size() == 20);
    CHECK(FormTemplateCache::parseCount() == before + 1);

    // The same (id, version) stored with another text (a label corrected) is parsed again and used.
    std::string corrected = test::kTinyForm;
    const std::string from = "Phiếu thôn rút gọn";
    corrected.replace(corrected.find(from), from.size(), "Phiếu thôn (rút gọn)");
    REQUIRE(forms.put({"tiny_village", 2, corrected, ""}).isOk());
    auto changed = forms.load("tiny_village", 2);
    REQUIRE(changed.isOk());
    CHECK(changed->title().vi == "Phiếu thôn (rút gọn)");
    CHECK(FormTemplateCache::parseCount() == before + 2);
    CHECK(first->get()->title().vi == "Phiếu thôn rút gọn");  // what a caller holds never changes under it

    // A text that does not parse is refused and caches nothing.
    CHECK_FALSE(FormTemplateCache::parse("broken", 1, "{not json").isOk());
    CHECK_FALSE(FormTemplateCache::parse("broken", 1, "{not json").isOk());
    CHECK(FormTemplateCache::parseCount() == before + 4);

    FormTemplateCache::clear();
    CHECK(forms.loadShared("tiny_village").isOk());
    CHECK(FormTemplateCache::parseCount() == before + 5);
}
