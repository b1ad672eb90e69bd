/**
 * Tournaments on Apache Spark: negotiations distributed in slices that each load only their
 * scenarios and play through the same local runner, written as Parquet (and results.csv) with the
 * same rows as a local run. docs/spark.md.
 */
package org.pourparler.spark;
