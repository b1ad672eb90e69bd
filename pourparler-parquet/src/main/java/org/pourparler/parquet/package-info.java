/**
 * Tournament results as Parquet, with parquet-java and no Hadoop, in the schema Spark writes: its
 * own module so that the core depends on Jackson only.
 */
package org.pourparler.parquet;
