import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-transcription load: N speakers, each in a meeting of its own, stream a 16 kHz mono WAV in real time (20 ms
 * frames) for a while and time the frames they get back. Partial latency = arrival − when the audio up to the
 * partial's endMs had been sent; final latency = arrival − when the utterance's last audio (its endMs) was sent,
 * so it includes the silence that ends an utterance (500 ms). A frame's endMs counts from the transcript's creation:
 * a partial caption sent just before the audio tells where that count stood on the server.
 * Usage: java LiveBench.java WS_BASE TOKEN WAV SECONDS MEETING_ID...   (one speaker per meeting id)
 */
public class LiveBench {

    private static final Pattern END = Pattern.compile("\"endMs\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        byte[] file = Files.readAllBytes(Path.of(args[2]));
        byte[] pcm = java.util.Arrays.copyOfRange(file, 44, file.length);
        int seconds = Integer.parseInt(args[3]);
        List<String> meetings = List.of(args).subList(4, args.length);
        List<Long> partials = Collections.synchronizedList(new ArrayList<>());
        List<Long> finals = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(meetings.size());
        for (String meeting : meetings) {
            new Thread(() -> {
                try {
                    speak(base, token, meeting, pcm, seconds, partials, finals, errors);
                } catch (Exception e) {
                    errors.add(e.toString());
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        System.out.printf("streams %d: partials %d p50 %d ms p99 %d ms; finals %d p50 %d ms p99 %d ms; errors %d %s%n",
                meetings.size(), partials.size(), pct(partials, 50), pct(partials, 99), finals.size(), pct(finals, 50), pct(finals, 99),
                errors.size(), errors.isEmpty() ? "" : errors.get(0));
    }

    private static void speak(String base, String token, String meeting, byte[] pcm, int seconds, List<Long> partials, List<Long> finals,
                              List<String> errors) throws Exception {
        long[] start = new long[1];
        long[] sent = new long[1];
        long[] calibration = new long[1];
        CountDownLatch calibrated = new CountDownLatch(1);
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(base + "/api/transcription/live?role=speaker&meetingId=" + meeting), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String frame = text.toString();
                            text.setLength(0);
                            long now = System.nanoTime();
                            Matcher end = END.matcher(frame);
                            if (frame.contains("\"text\":\"calibrate\"") && end.find()) {
                                calibration[0] = Long.parseLong(end.group(1));
                                calibrated.countDown();
                            } else if (frame.contains("\"type\":\"segment\"") && end.find() && start[0] != 0) {
                                // the frame's endMs counts from the transcript's creation; the calibration caption says
                                // where the server's count stood when it was sent
                                long latency = (now - sent[0]) / 1_000_000 - (Long.parseLong(end.group(1)) - calibration[0]);
                                (frame.contains("\"isFinal\":true") ? finals : partials).add(latency);
                            } else if (frame.contains("\"type\":\"error\"")) {
                                errors.add(frame);
                            }
                        }
                        socket.request(1);
                        return null;
                    }
                }).join();
        sent[0] = System.nanoTime();
        ws.sendText("{\"type\":\"caption\",\"text\":\"calibrate\",\"final\":false}", true).join();
        if (!calibrated.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no calibration frame");
        }
        int frames = seconds * 50;
        start[0] = System.nanoTime();
        for (int k = 0; k < frames; k++) {
            LockSupport.parkNanos(start[0] + k * 20_000_000L - System.nanoTime());
            int at = (k * 640) % (pcm.length - pcm.length % 640);
            ws.sendBinary(ByteBuffer.wrap(pcm, at, 640), true).join();
        }
        Thread.sleep(2000);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
