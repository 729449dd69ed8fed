package io.ucell.http;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * HTTP through the module's embedded client (section 10): a request in, the response out. The module profile,
 * its settings and the module files that carry bodies are handled inside. One request at a time per profile:
 * concurrent callers queue.
 */
@ProviderType
public interface HttpService {

    /**
     * Sends a request and returns the response read back from the module's response file (which is then
     * deleted).
     *
     * @throws HttpServerException the server answered 4xx or 5xx (the response is in the exception)
     * @throws HttpException       the request was refused or failed in the module (+UHTTPER decoded)
     */
    default HttpResponse send(HttpRequest request) throws HttpException {
        try (HttpStreamResponse r = open(request)) {
            return r.readFully();
        } catch (IOException e) {
            throw new HttpException("reading the response from the module failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a request and returns status and headers with the body still in the module: it streams from the
     * module file as it is read, and closing the response deletes the file.
     *
     * @throws HttpServerException the server answered 4xx or 5xx (the whole response is in the exception)
     * @throws HttpException       the request was refused or failed in the module (+UHTTPER decoded)
     */
    HttpStreamResponse open(HttpRequest request) throws HttpException;

    default HttpResponse head(String url) throws HttpException {
        return send(HttpRequest.head(url));
    }

    default HttpResponse get(String url) throws HttpException {
        return send(HttpRequest.get(url));
    }

    default HttpResponse delete(String url) throws HttpException {
        return send(HttpRequest.delete(url));
    }

    default HttpResponse put(String url, byte[] body, String contentType) throws HttpException {
        return send(HttpRequest.put(url, body, contentType));
    }

    default HttpResponse post(String url, byte[] body, String contentType) throws HttpException {
        return send(HttpRequest.post(url, body, contentType));
    }
}
