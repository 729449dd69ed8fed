package io.ucell.http;

/** The methods the module's HTTP client has (section 10.1: HEAD, GET, DELETE, PUT, POST file and POST data). */
public enum HttpMethod {
    HEAD(false),
    GET(false),
    DELETE(false),
    PUT(true),
    POST(true);

    private final boolean hasBody;

    HttpMethod(boolean hasBody) {
        this.hasBody = hasBody;
    }

    /** PUT and POST carry a body; the others do not. */
    public boolean hasBody() {
        return hasBody;
    }
}
