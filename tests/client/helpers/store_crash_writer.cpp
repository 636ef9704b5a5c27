// Child process of the crash test: opens (or creates) a store and saves records forever, each with its outbox
// operation in one transaction, printing "<id> <index>" only after the commit returned. The parent SIGKILLs it.
#include "core/OutboxRepository.h"
#include "core/Store.h"
#include "core/SubmissionRepository.h"
#include "core/Transaction.h"

#include "helpers/CrashBody.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace dantoc::client;

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: store_crash_writer <dir> <passphrase> <first-index>\n");
        return 2;
    }
    StoreOptions options;
    options.kdf = KdfParams::testing();
    auto store = Store::exists(argv[1]) ? Store::open(argv[1], argv[2], options)
                                        : Store::create(argv[1], argv[2], options);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.status().toString().c_str());
        return 1;
    }
    SubmissionRepository submissions((*store)->connection());
    OutboxRepository outbox((*store)->connection());
    for (long long index = std::atoll(argv[3]);; ++index) {
        Transaction transaction((*store)->connection());
        NewDraft draft;
        draft.formId = "village-report";
        draft.formVersion = 1;
        draft.unit = "xa-" + std::to_string(index % 7);
        draft.period = "2026";
        draft.body = dantoc::test::crashBody(index);
        auto record = submissions.createDraft(draft);
        if (!record) {
            std::fprintf(stderr, "save: %s\n", record.status().toString().c_str());
            return 1;
        }
        auto seq = outbox.enqueue({"", record->id, "create", 0, draft.body});
        if (!seq) {
            std::fprintf(stderr, "enqueue: %s\n", seq.status().toString().c_str());
            return 1;
        }
        if (auto status = transaction.commit(); !status) {
            std::fprintf(stderr, "commit: %s\n", status.toString().c_str());
            return 1;
        }
        std::printf("%s %lld\n", record->id.c_str(), index);
        std::fflush(stdout);
    }
}
