package com.connekz.jobs; public class PipelineCommand { public static void main(String[] a){} }
