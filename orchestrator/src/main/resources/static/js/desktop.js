/*
 * A workspace's desktop through the Guacamole tunnel (/tunnel). Keyboard, mouse and window size go to the
 * desktop; the status shows connecting, connected or disconnected with the reason the server gave. Only a
 * session that was really connected (the desktop drawn) and then lost is tried again, with a growing delay; an
 * opening that never reached the desktop (a refusal, a desktop guacd could not reach, no network) ends at once
 * with its reason, and so does a session limit. A watermark with the user's name and the time lies over the
 * desktop.
 */
(function () {
    'use strict';

    var root = document.getElementById('desktop');
    var displayHost = document.getElementById('display');
    var statusBox = document.getElementById('desktop-status');
    var watermark = document.getElementById('watermark');
    var data = root.dataset;
    /** Reasons that end the session for good: asking again would be refused again. */
    var FINAL = ['no-such-workspace', 'not-a-member', 'not-owner', 'project-not-active', 'workspace-not-running',
        'bad-request', 'max-session', 'idle', 'access-ended', 'workspace-ended', 'signed-out', 'desktop-unreachable'];
    var MAX_ATTEMPTS = 6;
    /** Guacamole.Client's states (guacamole-common-js 1.5 exposes them only as numbers). */
    var CLIENT_CONNECTED = 3;
    var CLIENT_DISCONNECTED = 5;
    var attempts = 0;
    /** Whether this opening reached the desktop once: only then is a lost connection tried again. */
    var hadSession = false;
    var client = null;
    var ended = false;
    var pendingRetry = false;

    function reasonText(reason) {
        var key = 'reason' + String(reason || 'network').replace(/(^|-)([a-z])/g, function (m, d, c) {
            return c.toUpperCase();
        });
        return data[key] || data.reasonNetwork;
    }

    function showStatus(state, reason) {
        statusBox.dataset.state = state;
        statusBox.dataset.reason = reason || '';
        var label = data['status' + state.charAt(0).toUpperCase() + state.slice(1)];
        statusBox.textContent = reason ? label + ' — ' + reasonText(reason) : label;
    }

    function updateWatermark() {
        var time = new Date().toLocaleString(data.locale || undefined);
        watermark.textContent = data.watermark + '\n' + time;
    }

    function connectQuery() {
        var width = Math.max(16, displayHost.clientWidth || window.innerWidth);
        var height = Math.max(16, displayHost.clientHeight || window.innerHeight);
        var parts = ['project=' + encodeURIComponent(data.project), 'workspace=' + encodeURIComponent(data.workspace),
            'width=' + Math.round(width), 'height=' + Math.round(height),
            'dpi=' + Math.round(96 * (window.devicePixelRatio || 1))];
        ['image/png', 'image/jpeg', 'image/webp'].forEach(function (t) { parts.push('image=' + encodeURIComponent(t)); });
        try {
            parts.push('timezone=' + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone));
        } catch (e) { /* no time zone: guacd uses its own */ }
        return parts.join('&');
    }

    function tunnelUrl() {
        var scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
        return scheme + '//' + window.location.host + data.tunnel;
    }

    function connect() {
        showStatus(attempts === 0 ? 'connecting' : 'reconnecting');
        var tunnel = new Guacamole.WebSocketTunnel(tunnelUrl());
        var lastReason = null;
        tunnel.onerror = function (status) {
            lastReason = status && status.message ? status.message : null;
        };
        client = new Guacamole.Client(tunnel);
        var display = client.getDisplay().getElement();
        displayHost.innerHTML = '';
        displayHost.appendChild(display);
        client.onerror = function (status) {
            lastReason = status && status.message ? status.message : lastReason;
        };
        var current = client;
        client.onstatechange = function (state) {
            if (state === CLIENT_CONNECTED) {
                attempts = 0;
                hadSession = true;
                showStatus('connected');
                displayHost.focus();
            } else if (state === CLIENT_DISCONNECTED) {
                disconnected(lastReason);
            }
        };
        // The 1.5 client does not follow its tunnel: a closed tunnel (refusal, limit, network) ends it here.
        tunnel.onstatechange = function (state) {
            if (state === Guacamole.Tunnel.State.CLOSED && current === client) {
                client.disconnect();
                disconnected(lastReason);
            }
        };
        client.connect(connectQuery());
    }

    function disconnected(reason) {
        if (ended || pendingRetry) {
            return;
        }
        if ((reason && FINAL.indexOf(reason) >= 0) || !hadSession) {
            ended = true;
            showStatus('disconnected', reason || 'network');
            return;
        }
        if (attempts >= MAX_ATTEMPTS) {
            ended = true;
            showStatus('disconnected', reason || 'network');
            return;
        }
        attempts += 1;
        showStatus('reconnecting', reason || 'network');
        pendingRetry = true;
        window.setTimeout(function () {
            pendingRetry = false;
            connect();
        }, Math.min(30000, 1000 * Math.pow(2, attempts - 1)));
    }

    function sendSize() {
        if (client) {
            client.sendSize(displayHost.clientWidth, displayHost.clientHeight);
        }
    }

    var mouse = new Guacamole.Mouse(displayHost);
    mouse.onEach(['mousedown', 'mouseup', 'mousemove'], function (e) {
        if (client) {
            var scale = client.getDisplay().getScale() || 1;
            client.sendMouseState(new Guacamole.Mouse.State(e.state.x / scale, e.state.y / scale,
                e.state.left, e.state.middle, e.state.right, e.state.up, e.state.down));
        }
    });
    var keyboard = new Guacamole.Keyboard(displayHost);
    keyboard.onkeydown = function (keysym) {
        if (client) { client.sendKeyEvent(1, keysym); }
    };
    keyboard.onkeyup = function (keysym) {
        if (client) { client.sendKeyEvent(0, keysym); }
    };
    window.addEventListener('resize', sendSize);
    window.addEventListener('beforeunload', function () {
        ended = true;
        if (client) { client.disconnect(); }
    });

    updateWatermark();
    window.setInterval(updateWatermark, 30000);
    connect();
}());
