/**
 * Several instances on one database: {@link org.networkeras.cluster.Leases} say which instance runs
 * work only one may run at a time (a Telegram poller, a Discord shard), {@link
 * org.networkeras.cluster.LeasedWork} starts and stops such work as its lease is won and lost, and
 * {@link org.networkeras.cluster.CacheEvents} tell every instance to forget cached copies of what
 * one of them changed (PostgreSQL {@code LISTEN/NOTIFY}; within the process on SQLite, which one
 * process uses).
 */
package org.networkeras.cluster;
