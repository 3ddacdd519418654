package io.callvault.store.s3;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Records every HTTP request an S3 client sends, so tests can check what went over the wire. */
final class RequestLog implements ExecutionInterceptor {

    /** One request as sent: method, path, query parameters and Range header. */
    record Sent(String method, String path, Map<String, List<String>> query, Optional<String> range) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        sent.add(new Sent(request.method().name(), request.encodedPath(), request.rawQueryParameters(),
                request.firstMatchingHeader("Range")));
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }
}
