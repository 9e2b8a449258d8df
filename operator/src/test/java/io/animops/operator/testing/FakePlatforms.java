package io.animops.operator.testing;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the stand-in YouTube and TikTok by hand (test code only), to try the standalone mode against them:
 * {@code bench/fake-platforms.sh [youtube-port] [tiktok-port]} (0 or nothing: free ports). Prints the settings
 * that point the operator and the login commands at them, then one line per change (videos made, posts, requests)
 * until it is stopped with Ctrl-C.
 */
public final class FakePlatforms {
    /** A refresh token both fakes accept from the start, for a Secret made by hand instead of a login. */
    public static final String REFRESH_TOKEN = "fake-refresh-token";

    private FakePlatforms() {}

    public static void main(String[] args) throws InterruptedException {
        int youTubePort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int tikTokPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        FakeYouTube youTube = new FakeYouTube(youTubePort);
        FakeTikTok tikTok = new FakeTikTok(tikTokPort);
        youTube.acceptRefreshToken(REFRESH_TOKEN);
        tikTok.acceptRefreshToken(REFRESH_TOKEN);
        String y = youTube.baseUrl();
        String t = tikTok.baseUrl();
        System.out.println("# fake YouTube on " + y + " (client id " + FakeYouTube.CLIENT_ID + "), fake TikTok on " + t
                + " (client key " + FakeTikTok.CLIENT_KEY + "); refresh token accepted by both: " + REFRESH_TOKEN);
        System.out.println("export ANIMOPS_PUBLISH_YOUTUBE_TOKEN_URL=" + y + "/token");
        System.out.println("export ANIMOPS_PUBLISH_YOUTUBE_AUTHORIZE_URL=" + y + "/authorize");
        System.out.println("export ANIMOPS_PUBLISH_YOUTUBE_API_URL=" + y);
        System.out.println("export ANIMOPS_PUBLISH_YOUTUBE_ANALYTICS_URL=" + y);
        System.out.println("export ANIMOPS_PUBLISH_TIKTOK_TOKEN_URL=" + t + "/v2/oauth/token/");
        System.out.println("export ANIMOPS_PUBLISH_TIKTOK_AUTHORIZE_URL=" + t + "/v2/auth/authorize/");
        System.out.println("export ANIMOPS_PUBLISH_TIKTOK_API_URL=" + t);
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            youTube.close();
            tikTok.close();
            stopped.countDown();
        }));
        String last = "";
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            String now = "youtube: " + youTube.requests() + " requests, " + youTube.videoCount() + " video(s) "
                    + youTube.videos().keySet() + "; tiktok: " + tikTok.requests() + " requests, "
                    + tikTok.completedPosts() + " post(s) uploaded";
            if (!now.equals(last)) {
                System.out.println(now);
                last = now;
            }
        }
    }
}
