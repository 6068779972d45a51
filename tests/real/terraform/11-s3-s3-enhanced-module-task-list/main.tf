module "tasks" {
  source = "./task"
  datasync_tasks = [
    {
      name                     = "s3_to_s3_cross_account_task"
      source_location_arn      = aws_datasync_location_s3.origin.arn
      destination_location_arn = aws_datasync_location_s3.copy.arn
      task_mode                = "ENHANCED"
      options = {
        posix_permissions = "NONE"
        uid               = "NONE"
        gid               = "NONE"
        verify_mode       = "ONLY_FILES_TRANSFERRED"
      }
      schedule_expression = "rate(1 days)"
      includes = {
        "filter_type" = "SIMPLE_PATTERN"
        "value"       = "/projects/important-folder"
      }
      excludes = {
        "filter_type" = "SIMPLE_PATTERN"
        "value"       = "*/work-in-progress"
      }
    }
  ]
}

resource "aws_datasync_location_s3" "origin" {
  s3_bucket_arn = aws_s3_bucket.origin.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.origin.arn
  }
}

resource "aws_datasync_location_s3" "copy" {
  s3_bucket_arn = aws_s3_bucket.copy.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copy.arn
  }
}
