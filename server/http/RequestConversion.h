// Conversion between Beast messages and the transport-independent ApiRequest/ApiResponse. Stateless; thread-safe.
#pragma once

#include "http/ApiTypes.h"

#include <boost/beast/core/string_type.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace dantoc::server {

// Percent-decodes the path part of a request target (before '?'). "%2F" stays decoded as '/', which cannot
// widen what a route matches because captures are single segments.
std::string decodePath(boost::beast::string_view target);
std::string percentDecode(boost::beast::string_view text, bool plusIsSpace);

ApiRequest toApiRequest(const boost::beast::http::request<boost::beast::http::string_body>& request,
                        const std::string& remoteAddress);
boost::beast::http::response<boost::beast::http::string_body> toBeastResponse(const ApiResponse& api,
                                                                              unsigned version, bool close);

}  // namespace dantoc::server
