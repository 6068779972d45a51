resource "aws_iam_role" "copier" {
  name = "LabCopierRole"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_s3" "raw" {
  s3_bucket_arn = var.lake_bucket
  subdirectory  = "/raw"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_s3" "processed" {
  s3_bucket_arn = var.lake_bucket
  subdirectory  = "/processed"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_cloudwatch_log_group" "copier" {
  name              = "/aws/datasync"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_resource_policy" "copier" {
  policy_name = "lab-copier-logs"
  policy_document = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource  = "${aws_cloudwatch_log_group.copier.arn}:*"
    }]
  })
}

resource "aws_datasync_task" "raw_to_processed" {
  name                     = "lab-raw-to-processed"
  source_location_arn      = aws_datasync_location_s3.raw.arn
  destination_location_arn = aws_datasync_location_s3.processed.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copier.arn

  options {
    transfer_mode          = "CHANGED"
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "PRESERVE"
    log_level              = "BASIC"
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 3 * * ? *)"
  }

  tags = {
    Name        = "lab-raw-to-processed"
    Environment = "Production"
  }
}
