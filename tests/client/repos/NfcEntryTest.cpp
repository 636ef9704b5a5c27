// Unicode NFC at every entry point: decomposed (NFD) Vietnamese, as pasted from a PDF or a Mac, is stored composed
// by save and import and by a pull, counts as its letters against max_length and matches [\p{L} ]+; keys unchanged.
#include "RepoSupport.h"

#include "core/EntryImporter.h"
#include "core/EntryService.h"
#include "core/NfcJson.h"
#include "core/SubmissionRepository.h"
#include "core/sync/PullApplier.h"

#include "base/Uuid.h"
#include "sync/PullMessages.h"

#include <QString>

#include <doctest/doctest.h>

using namespace dantoc;
using namespace dantoc::client;
namespace ds = dantoc::sync;

namespace {

// "Nguyễn": NFD spells ễ as e + U+0302 (circumflex) + U+0303 (tilde), 8 code points; NFC is 6.
const std::string kNfd = "Nguye\u0302\u0303n";
const std::string kNfc = "Nguy\u1EC5n";

// A head's name of at most 6 letters (code points), letters and spaces only.
constexpr const char* kNameForm = R"json({
  "format_version": 1, "id": "name_check", "version": 1,
  "title": {"vi": "Tên chủ hộ", "en": "Head's name"},
  "unit_level": "village", "period_type": "half_yearly",
  "sections": [{"id": "main", "title": {"vi": "Chung", "en": "General"}, "fields": [
    {"name": "head_name", "label": {"vi": "Họ", "en": "Family name"}, "type": "text", "required": true,
     "max_length": 6, "regex": "[\\p{L} ]+"},
    {"name": "members", "label": {"vi": "Nhân khẩu", "en": "Members"}, "type": "roster", "fields": [
      {"name": "name", "label": {"vi": "Tên", "en": "Name"}, "type": "text"}
    ]}
  ]}]
})json";

struct Fixture
{
    test::TempDir dir{"dantoc-nfc"};
    std::unique_ptr<Store> store = test::newRepoStore(dir.path() / "store");
    ManualClock clock{1'760'000'000'000};
    EntryService service{store->connection(), EntryOptions{}, clock};

    Fixture()
    {
        Status status = FormTemplateRepository(store->connection()).put({"name_check", 1, kNameForm, ""});
        REQUIRE_MESSAGE(status.isOk(), status.toString());
    }

    Json stored(const std::string& id)
    {
        auto record = SubmissionRepository(store->connection(), clock).get(id);
        REQUIRE(record.isOk());
        return Json::parse(record->body);
    }
};

}  // namespace

TEST_CASE("nfc: the test strings are what they claim")
{
    CHECK(QString::fromStdString(kNfc).size() == 6);  // UTF-16 units
    CHECK(QString::fromStdString(kNfd).size() == 8);
    Json values = {{"head_name", kNfd}, {"members", Json::array({{{"name", kNfd}}})}, {kNfd, 1}};
    CHECK(hasDecomposedText(values));
    CHECK(composeNfcStrings(values));
    CHECK(values["head_name"] == kNfc);
    CHECK(values["members"][0]["name"] == kNfc);
    CHECK(values.contains(kNfd));  // keys are field names: left alone
    CHECK_FALSE(hasDecomposedText(Json{{"a", "Bản Nậm Cang"}, {"b", 3}}));
}

TEST_CASE("nfc: save stores decomposed text composed, and it passes max_length and the letter pattern")
{
    Fixture f;
    // Validated as given (e.g. by a GUI before saving): composed first, so no max_length or regex error.
    forms::Submission raw;
    raw.formId = "name_check";
    raw.formVersion = 1;
    raw.unit = "0164500000";
    raw.period = "2025-H2";
    raw.values = {{"head_name", kNfd}};
    auto form = FormTemplateRepository(f.store->connection()).load("name_check", 1);
    REQUIRE(form.isOk());
    CHECK(f.service.validateSubmission(*form, raw).empty());

    auto draft = f.service.createDraft({"", "name_check", 1, "0164500000", "2025-H2", "", "{}"});
    REQUIRE(draft.isOk());
    auto saved = f.service.save(draft->id, {{"head_name", kNfd}, {"members", Json::array({{{"name", kNfd}}})}});
    REQUIRE_MESSAGE(saved.isOk(), saved.status().toString());
    CHECK(saved->issues.empty());
    const Json body = f.stored(draft->id);
    CHECK(body["head_name"] == kNfc);
    CHECK(body["members"][0]["name"] == kNfc);
    CHECK(QString::fromStdString(body["head_name"].get<std::string>()).size() == 6);

    // Autosave too.
    REQUIRE(f.service.autosave(draft->id, {{"head_name", kNfd}}));
    CHECK(f.stored(draft->id)["head_name"] == kNfc);
}

TEST_CASE("nfc: import composes decomposed text before validating and storing it")
{
    Fixture f;
    EntryImporter importer(f.store->connection(), f.service);
    const Json entry = {{"form", {{"id", "name_check"}, {"version", 1}}},
                        {"unit", "0164500000"},
                        {"period", "2025-H2"},
                        {"values", {{"head_name", kNfd}}}};
    auto report = importer.importJson(entry.dump(), ImportAction::Save);
    REQUIRE(report.isOk());
    REQUIRE_MESSAGE(report->imported(), (report->errors.empty() ? std::string() : report->errors[0].code));
    REQUIRE(report->recordIds.size() == 1);
    CHECK(f.stored(report->recordIds[0])["head_name"] == kNfc);

    auto csv = importer.importCsv("unit,period,head_name\n0164500001,2025-H2," + kNfd + "\n", "name_check",
                                  ImportAction::Draft);
    REQUIRE(csv.isOk());
    REQUIRE(csv->imported());
    CHECK(f.stored(csv->recordIds[0])["head_name"] == kNfc);
}

TEST_CASE("nfc: a pulled body with decomposed text is stored composed")
{
    Fixture f;
    ds::PullItem item;
    item.seq = 1;
    item.kind = ds::PullItemKind::Record;
    item.recordId = newUuid();
    item.ver = 1;
    item.state = "submitted";
    item.form = {"name_check", 1};
    item.unit = "0164500000";
    item.period = "2025-H2";
    item.body = Json{{"head_name", kNfd}};
    ds::PullResponse page;
    page.epoch = "e-1";
    page.items = {item};
    page.next = {"e-1", 1};
    auto stats = client::sync::PullApplier(f.store->connection(), f.clock).apply({}, page);
    REQUIRE_MESSAGE(stats.isOk(), stats.status().toString());
    CHECK(f.stored(item.recordId)["head_name"] == kNfc);
}
