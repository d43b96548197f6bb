package gov.keyproject.statistics.feed;

/** The uploaded file as a whole cannot be imported (not CSV/xlsx, undecodable, no header, too many rows): nothing is applied. */
class FeedFileRejected extends RuntimeException {

    FeedFileRejected(String reason) {
        super(reason);
    }

    FeedFileRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
