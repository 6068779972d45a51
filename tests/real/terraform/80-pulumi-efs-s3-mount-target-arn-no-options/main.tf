# Batch jobs write benchmark results to EFS; when they are done, a script
# starts a task that copies the results to a bucket people can download
# from. Written as the HCL of the bridged provider the Pulumi program uses.

resource "aws_vpc" "bench" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.bench.id
  cidr_block              = "10.0.0.0/20"
  map_public_ip_on_launch = true
}

resource "aws_security_group" "bench" {
  name   = "bench-sg"
  vpc_id = aws_vpc.bench.id

  ingress {
    description = "NFS for EFS"
    from_port   = 2049
    to_port     = 2049
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_efs_file_system" "results" {}

resource "aws_efs_mount_target" "results" {
  file_system_id  = aws_efs_file_system.results.id
  subnet_id       = aws_subnet.public.id
  security_groups = [aws_security_group.bench.id]
}

resource "aws_s3_bucket" "results" {
  bucket_prefix = "bench-results-"
  force_destroy = true
  tags = {
    Environment = "Dev"
    Name        = "Benchmark results"
  }
}

resource "aws_iam_role" "bucket_access" {
  name_prefix = "bench-copy-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = ["ecs-tasks.amazonaws.com", "s3.amazonaws.com", "datasync.amazonaws.com"] }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_efs" "results" {
  efs_file_system_arn = aws_efs_mount_target.results.file_system_arn

  ec2_config {
    security_group_arns = [aws_security_group.bench.arn]
    subnet_arn          = aws_subnet.public.arn
  }
}

resource "aws_datasync_location_s3" "results" {
  s3_bucket_arn = aws_s3_bucket.results.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.bucket_access.arn
  }
}

resource "aws_datasync_task" "results" {
  source_location_arn      = aws_datasync_location_efs.results.arn
  destination_location_arn = aws_datasync_location_s3.results.arn
}
