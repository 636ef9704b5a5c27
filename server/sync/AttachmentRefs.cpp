#include "sync/AttachmentRefs.h"

#include "sync/FieldPath.h"

namespace dantoc::server {

namespace {

void collect(const forms::FormTemplate& form, const forms::FieldDef& field, const Json& value,
             std::set<std::string>& out);

// One roster row object: each column through its own definition.
void collectRow(const forms::FormTemplate& form, const forms::FieldDef& roster, const Json& row,
                std::set<std::string>& out)
{
    if (!row.is_object()) {
        return;
    }
    for (const int index : roster.columns) {
        const forms::FieldDef& column = form.fields()[static_cast<std::size_t>(index)];
        if (auto it = row.find(column.column); it != row.end()) {
            collect(form, column, *it, out);
        }
    }
}

void collect(const forms::FormTemplate& form, const forms::FieldDef& field, const Json& value,
             std::set<std::string>& out)
{
    if (field.type == forms::FieldType::Attachment) {
        if (value.is_object()) {
            if (auto it = value.find("sha256"); it != value.end() && it->is_string()) {
                out.insert(it->get<std::string>());
            }
        }
    } else if (field.isRoster() && value.is_array()) {
        for (const Json& row : value) {
            collectRow(form, field, row, out);
        }
    }
}

std::string listOf(const std::set<std::string>& shas)
{
    std::string text;
    for (const std::string& sha : shas) {
        text += (text.empty() ? "" : ", ") + sha;
    }
    return text;
}

}  // namespace

std::set<std::string> attachmentsSet(const forms::FormTemplate& form, const sync::FieldSet& set)
{
    std::set<std::string> out;
    for (const auto& [pathText, change] : set) {
        auto path = sync::FieldPath::parse(pathText);
        if (!path) {
            continue;  // parseOperation already refused malformed paths
        }
        std::string name;
        for (const sync::PathSegment& segment : path->segments()) {
            name += (name.empty() ? "" : ".") + segment.name;
        }
        const forms::FieldDef* field = form.field(name);
        if (field == nullptr) {
            continue;
        }
        if (path->addressesRow() && field->isRoster()) {
            collectRow(form, *field, change.after, out);  // a whole row added or replaced
        } else {
            collect(form, *field, change.after, out);
        }
    }
    return out;
}

Status checkBlobReferences(const forms::FormTemplate& form, const sync::Operation& op)
{
    const std::set<std::string> expected = attachmentsSet(form, op.set);
    const std::set<std::string> named(op.blobs.begin(), op.blobs.end());
    if (named == expected) {
        return Status::ok();
    }
    std::set<std::string> extra;
    std::set<std::string> missing;
    for (const std::string& sha : named) {
        if (!expected.contains(sha)) {
            extra.insert(sha);
        }
    }
    for (const std::string& sha : expected) {
        if (!named.contains(sha)) {
            missing.insert(sha);
        }
    }
    std::string detail = "blobs must list exactly the attachments the changes set";
    if (!extra.empty()) {
        detail += "; not an attachment value of the changes: " + listOf(extra);
    }
    if (!missing.empty()) {
        detail += "; attachment values missing from blobs: " + listOf(missing);
    }
    return Status(ErrorCode::InvalidArgument, detail);
}

}  // namespace dantoc::server
