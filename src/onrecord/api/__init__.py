"""The HTTP API and the web page over a store (`onrecord serve`)."""

from onrecord.api.app import ApiError, make_server, route_request, serve

__all__ = ["ApiError", "make_server", "route_request", "serve"]
