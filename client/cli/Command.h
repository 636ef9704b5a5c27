// The subcommands of the `dantoc` tool. Each takes its own arguments (after the command name) and returns
// the process exit code; they write to stdout/stderr. Not thread-safe (one command per process).
#pragma once

#include <QStringList>

namespace dantoc::cli {

struct Command {
    const char* name;
    const char* summary;  // one line, English (the tool's output is for scripts)
    int (*run)(const QStringList& args);
};

// Defined next to each command's implementation (ValidateCommand.cpp, ...).
int runValidate(const QStringList& args);
int runInit(const QStringList& args);
int runEntry(const QStringList& args);
int runExport(const QStringList& args);
int runPasswd(const QStringList& args);
int runEnroll(const QStringList& args);
int runLogin(const QStringList& args);
int runStatus(const QStringList& args);
int runSync(const QStringList& args);
int runAttachment(const QStringList& args);
int runReview(const QStringList& args);
int runComments(const QStringList& args);
// `entry edit` / `entry submit`, dispatched by runEntry (EntryEditCommand.cpp).
int runEntryEdit(const QStringList& args);
int runEntrySubmit(const QStringList& args);

}  // namespace dantoc::cli
