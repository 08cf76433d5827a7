package org.slapdesk.master.http;

import com.sun.net.httpserver.HttpHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/** What every connection of one server shares: its handler, its limits, its clock for answer deadlines. */
record ServerSettings(
        HttpHandler handler,
        ConnectionLimits limits,
        int maxBodyBytes,
        Semaphore handlerPermits,
        ScheduledExecutorService watchdog,
        RefusalLog log) {}
