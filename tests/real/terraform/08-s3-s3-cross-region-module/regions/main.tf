provider "aws" {
  alias  = "here"
  region = var.source_region
}

provider "aws" {
  alias  = "there"
  region = var.destination_region
}

data "aws_s3_bucket" "from" {
  provider = aws.here
  bucket   = var.source_bucket
}

data "aws_s3_bucket" "to" {
  provider = aws.there
  bucket   = var.destination_bucket
}

resource "aws_cloudwatch_log_group" "task" {
  provider = aws.there
  name     = "datasync-task"
}

resource "aws_datasync_location_s3" "from" {
  provider      = aws.here
  s3_bucket_arn = data.aws_s3_bucket.from.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.mover.arn
  }
}

resource "aws_datasync_location_s3" "to" {
  provider      = aws.there
  s3_bucket_arn = data.aws_s3_bucket.to.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.mover.arn
  }
}

resource "aws_datasync_task" "move" {
  provider                 = aws.there
  name                     = "migrate-${var.source_bucket}"
  source_location_arn      = aws_datasync_location_s3.from.arn
  destination_location_arn = aws_datasync_location_s3.to.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.task.arn

  options {
    gid               = "NONE"
    uid               = "NONE"
    posix_permissions = "NONE"
    log_level         = "BASIC"
  }
}
