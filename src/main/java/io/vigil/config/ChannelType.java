package io.vigil.config;

/** Where a notification goes. */
public enum ChannelType {
    /** A notification in the console (and the system tray where there is one). */
    DESKTOP,
    /** A JSON POST to any URL, Vigil's own body. */
    WEBHOOK,
    /** A DingTalk group robot (markdown message, optional signing secret). */
    DINGTALK,
    /** A WeCom (企业微信) group robot (markdown message). */
    WECOM,
    /** A Slack incoming webhook. */
    SLACK,
    /** E-mail over SMTP (STARTTLS and login when the server offers them). */
    EMAIL
}
