#include "sync/FieldPath.h"

#include "sync/SyncTuning.h"

namespace dantoc::sync {

namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

}  // namespace

bool isFieldName(std::string_view text)
{
    if (text.empty() || text.size() > 64 || !isNameStart(text[0]) || text == kRowIdKey) {
        return false;
    }
    for (const char c : text) {
        if (!isNameChar(c)) {
            return false;
        }
    }
    return true;
}

bool isRowId(std::string_view text)
{
    if (text.empty() || text.size() > 64) {
        return false;
    }
    for (const char c : text) {
        if (!(isNameChar(c) || c == '-')) {
            return false;
        }
    }
    return true;
}

Result<FieldPath> FieldPath::parse(std::string_view text)
{
    auto bad = [&](std::string_view why) {
        return Status(ErrorCode::InvalidArgument, "field path \"" + std::string(text.substr(0, 80)) + "\": " +
                                                      std::string(why));
    };
    if (text.empty()) {
        return bad("empty");
    }
    if (text.size() > tuning::kMaxFieldPathBytes) {
        return bad("longer than " + std::to_string(tuning::kMaxFieldPathBytes) + " bytes");
    }
    FieldPath path;
    std::size_t pos = 0;
    while (true) {
        std::size_t end = pos;
        while (end < text.size() && text[end] != '[' && text[end] != '.') {
            ++end;
        }
        PathSegment segment;
        segment.name = std::string(text.substr(pos, end - pos));
        if (!isFieldName(segment.name)) {
            return bad("\"" + segment.name + "\" is not a field name ([A-Za-z_][A-Za-z0-9_]*, not _id)");
        }
        pos = end;
        if (pos < text.size() && text[pos] == '[') {
            const std::size_t close = text.find(']', pos);
            if (close == std::string_view::npos) {
                return bad("missing ]");
            }
            const std::string_view id = text.substr(pos + 1, close - pos - 1);
            if (!isRowId(id)) {
                return bad("row id must be 1-64 characters of [A-Za-z0-9_-]");
            }
            segment.rowId = std::string(id);
            pos = close + 1;
        }
        const bool isRow = segment.rowId.has_value();
        path.m_segments.push_back(std::move(segment));
        if (pos == text.size()) {
            break;
        }
        if (text[pos] != '.') {
            return bad("expected . or end after ]");
        }
        if (!isRow) {
            return bad("only roster rows (name[id]) can be descended into");
        }
        ++pos;
    }
    return path;
}

std::string FieldPath::toString() const
{
    std::string out;
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        if (i > 0) {
            out += '.';
        }
        out += m_segments[i].name;
        if (m_segments[i].rowId) {
            out += '[';
            out += *m_segments[i].rowId;
            out += ']';
        }
    }
    return out;
}

bool FieldPath::contains(const FieldPath& other) const
{
    if (m_segments.empty() || m_segments.size() > other.m_segments.size()) {
        return false;
    }
    const std::size_t last = m_segments.size() - 1;
    for (std::size_t i = 0; i < last; ++i) {
        if (!(m_segments[i] == other.m_segments[i])) {
            return false;
        }
    }
    const PathSegment& mine = m_segments[last];
    const PathSegment& theirs = other.m_segments[last];
    if (mine.name != theirs.name) {
        return false;
    }
    // "r" (the whole roster as one value) contains every row of it; "r[a]" only row a.
    return !mine.rowId || (theirs.rowId && *mine.rowId == *theirs.rowId);
}

}  // namespace dantoc::sync
