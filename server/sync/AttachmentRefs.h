// AttachmentRefs: the attachments an operation's changes set, read through the form (issue 19, finding 1). An
// op's `blobs` grants the record access to those files, so it must name exactly the attachment values its `set`
// writes into fields the form declares as attachments: no file rides along on a form without one, and no file is
// named that the record does not hold. Stateless; thread-safe.
#pragma once

#include "base/Status.h"
#include "forms/FormTemplate.h"
#include "sync/Operation.h"

#include <set>
#include <string>

namespace dantoc::server {

// The SHA-256 of every attachment value ({sha256, name, size, mime}) the op's new values put into attachment
// fields of `form`, roster rows included; values of other fields are ignored whatever their shape.
std::set<std::string> attachmentsSet(const forms::FormTemplate& form, const sync::FieldSet& set);
// InvalidArgument, naming the difference, when op.blobs is not exactly attachmentsSet(form, op.set).
Status checkBlobReferences(const forms::FormTemplate& form, const sync::Operation& op);

}  // namespace dantoc::server
