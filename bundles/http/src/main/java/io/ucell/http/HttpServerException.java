package io.ucell.http;

/** The server answered 4xx or 5xx; the whole response (status, headers, body) is kept. */
public class HttpServerException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final transient HttpResponse response;

    public HttpServerException(HttpResponse response) {
        super("HTTP " + response.statusCode() + (response.reason().isEmpty() ? "" : " " + response.reason()));
        this.response = response;
    }

    public HttpResponse response() {
        return response;
    }

    public int statusCode() {
        return response.statusCode();
    }
}
