provider "aws" {
  alias  = "destination"
  region = "eu-west-1"
}

resource "aws_datasync_location_s3" "origin" {
  provider      = aws.destination
  s3_bucket_arn = aws_s3_bucket.origin.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.mover.arn
  }
}

resource "aws_datasync_location_s3" "copy" {
  provider      = aws.destination
  s3_bucket_arn = aws_s3_bucket.copy.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.mover.arn
  }
}

resource "aws_datasync_task" "mirror" {
  provider                 = aws.destination
  name                     = "this-source-to-destination-example"
  source_location_arn      = aws_datasync_location_s3.origin.arn
  destination_location_arn = aws_datasync_location_s3.copy.arn
  cloudwatch_log_group_arn = module.task_logging.cloudwatch_log_group_arn

  options {
    bytes_per_second  = -1
    posix_permissions = "NONE"
    uid               = "NONE"
    gid               = "NONE"
    verify_mode       = "NONE"
    log_level         = "BASIC"
  }

  schedule {
    schedule_expression = "cron(0 */8 * * ? *)"
  }
}
